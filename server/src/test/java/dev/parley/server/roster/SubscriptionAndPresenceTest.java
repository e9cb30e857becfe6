package dev.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Iqs;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/** RFC 6121 §3 and §4 on the real listeners: subscriptions both ways, presence broadcast, probes, directed presence. */
class SubscriptionAndPresenceTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank")) {
            server.addUser(user, user + "-password");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoAccountsSubscribeToEachOtherAndSeeEachOthersPresence() throws Exception {
        try (ImClient alice = ImClient.online(server, "alice", "phone");
             ImClient bob = ImClient.online(server, "bob", "laptop")) {
            alice.send("<presence to='bob@localhost/laptop' type='subscribe'><status>Hi, it's Alice</status></presence>");
            XmlElement asked = alice.push();
            assertThat(asked.attribute("jid")).isEqualTo("bob@localhost");
            assertThat(asked.attribute("subscription")).isEqualTo("none");
            assertThat(asked.attribute("ask")).isEqualTo("subscribe");
            XmlElement request = bob.presence("subscribe", "alice@localhost");
            assertThat(request.attribute("to")).isEqualTo("bob@localhost");
            assertThat(request.childText("status", "jabber:client")).contains("Hi, it's Alice");

            bob.send("<presence to='alice@localhost/phone' type='subscribed'/>");
            assertThat(bob.push().attribute("subscription")).isEqualTo("from");
            assertThat(alice.push().attribute("subscription")).isEqualTo("to");
            assertThat(alice.presence("subscribed", "bob@localhost").attribute("from")).isEqualTo("bob@localhost");
            alice.presence(null, "bob@localhost/laptop"); // §3.1.5: bob's current presence follows the approval

            bob.send("<presence to='alice@localhost' type='subscribe'/>");
            assertThat(bob.push().attribute("ask")).isEqualTo("subscribe");
            alice.presence("subscribe", "bob@localhost");
            alice.send("<presence to='bob@localhost' type='subscribed'/>");
            assertThat(alice.push().attribute("subscription")).isEqualTo("both");
            assertThat(bob.push().attribute("subscription")).isEqualTo("both");
            bob.presence(null, "alice@localhost/phone");

            alice.send("<presence><show>away</show><status>lunch</status></presence>");
            assertThat(bob.presence(null, "alice@localhost/phone").childText("show", "jabber:client")).contains("away");
        }
        try (ImClient alice = ImClient.online(server, "alice", "tablet")) {
            // bob is offline, so alice's probe finds nothing; when he comes, each sees the other (§4.2, §4.3).
            try (ImClient bob = ImClient.online(server, "bob", "desk")) {
                alice.presence(null, "bob@localhost/desk");
                bob.presence(null, "alice@localhost/tablet"); // answer to bob's probe
            }
            alice.presence("unavailable", "bob@localhost/desk"); // §4.5.2: bob's connection ended
        }
    }

    @Test
    void aRequestToAnOfflineContactWaitsForItsNextLogin() throws Exception {
        try (ImClient carol = ImClient.online(server, "carol", "phone")) {
            carol.send("<presence to='dave@localhost' type='subscribe'><status>carol here</status></presence>");
            carol.push();
            carol.sync();
        }
        for (int login = 0; login < 2; login++) { // redelivered at every login until answered (§3.1.3)
            try (ImClient dave = ImClient.online(server, "dave", "pc" + login)) {
                XmlElement request = dave.presence("subscribe", "carol@localhost");
                assertThat(request.childText("status", "jabber:client")).contains("carol here");
                assertThat(dave.roster().elements("item", ImClient.ROSTER).toList())
                        .as("a pending request is not a roster item").isEmpty();
            }
        }
        try (ImClient dave = ImClient.online(server, "dave", "pc")) {
            dave.presence("subscribe", "carol@localhost");
            dave.send("<presence to='carol@localhost' type='unsubscribed'/>");
            dave.sync();
        }
        try (ImClient dave = ImClient.online(server, "dave", "pc")) {
            assertThat(dave.quiet()).noneMatch(e -> "subscribe".equals(e.attribute("type")));
        }
        try (ImClient carol = ImClient.online(server, "carol", "phone")) {
            XmlElement item = carol.roster().child("item", ImClient.ROSTER).orElseThrow();
            assertThat(item.attribute("ask")).as("the denial ended carol's pending request").isNull();
        }
    }

    @Test
    void preApprovalAnswersTheRequestWithoutAskingTheUser() throws Exception {
        try (ImClient erin = ImClient.online(server, "erin", "phone");
             ImClient frank = ImClient.online(server, "frank", "phone")) {
            erin.send("<presence to='frank@localhost' type='subscribed'/>");
            XmlElement approved = erin.push();
            assertThat(approved.attribute("approved")).isEqualTo("true");
            assertThat(approved.attribute("subscription")).isEqualTo("none");

            frank.send("<presence to='erin@localhost' type='subscribe'/>");
            frank.presence("subscribed", "erin@localhost");
            frank.presence(null, "erin@localhost/phone");
            XmlElement now = erin.push();
            assertThat(now.attribute("subscription")).isEqualTo("from");
            assertThat(now.attribute("approved")).isNull();
            assertThat(erin.quiet()).noneMatch(e -> "subscribe".equals(e.attribute("type")));
        }
    }

    @Test
    void removingAContactEndsBothSubscriptions() throws Exception {
        try (ImClient gina = ImClient.online(server, "gina", "a");
             ImClient hank = ImClient.online(server, "hank", "a")) {
            gina.send("<presence to='hank@localhost' type='subscribed'/>"); // pre-approve, then hank asks
            gina.push();
            hank.send("<presence to='gina@localhost' type='subscribe'/>");
            assertThat(hank.push().attribute("ask")).isEqualTo("subscribe");
            assertThat(hank.push().attribute("subscription")).isEqualTo("to");
            hank.presence("subscribed", "gina@localhost");
            assertThat(gina.push().attribute("subscription")).isEqualTo("from");

            XmlElement removed = gina.iq("set", "<query xmlns='jabber:iq:roster'><item jid='hank@localhost' "
                    + "subscription='remove'/></query>");
            assertThat(removed.attribute("type")).isEqualTo("result");
            hank.presence("unsubscribed", "gina@localhost");
            hank.presence("unavailable", "gina@localhost/a");
            assertThat(hank.push().attribute("subscription")).isEqualTo("none");

            XmlElement again = gina.iq("set", "<query xmlns='jabber:iq:roster'><item jid='hank@localhost' "
                    + "subscription='remove'/></query>");
            assertThat(Iqs.errorCondition(again)).isEqualTo("item-not-found");
        }
    }

    @Test
    void directedPresenceIsTakenBackWhenTheSenderGoes() throws Exception {
        try (ImClient carol = ImClient.online(server, "carol", "directed")) {
            try (ImClient alice = ImClient.online(server, "alice", "directed")) {
                alice.send("<presence to='carol@localhost/directed'><status>psst</status></presence>");
                assertThat(carol.presence(null, "alice@localhost/directed").childText("status", "jabber:client"))
                        .contains("psst");
            }
            carol.presence("unavailable", "alice@localhost/directed"); // §4.6.3
        }
    }

    @Test
    void aUsersResourcesSeeEachOther() throws Exception {
        try (ImClient first = ImClient.online(server, "hank", "one")) {
            try (ImClient second = ImClient.online(server, "hank", "two")) {
                first.presence(null, "hank@localhost/two");
                second.presence(null, "hank@localhost/one"); // §4.2.2: the new resource learns of the others
            }
            first.presence("unavailable", "hank@localhost/two");
        }
    }
}
