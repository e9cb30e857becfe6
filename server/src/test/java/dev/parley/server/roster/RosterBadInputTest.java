package dev.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Iqs;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

/**
 * Bad roster sets (RFC 6121 §2.3.3), a full roster and a subscription flood on the real listeners: each gets the
 * standard error, and the roster is exactly what it was before.
 */
class RosterBadInputTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("""
                limits:
                  roster-items: 3
                  subscription-requests-per-minute: 2
                """);
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            server.addUser(user, user + "-password");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JID            | jid-malformed  | <item jid='not a jid@@localhost'/>
            JID with a resource      | bad-request    | <item jid='bob@localhost/phone'/>
            no JID                   | bad-request    | <item name='Bob'/>
            two items                | bad-request    | <item jid='bob@localhost'/><item jid='carol@localhost'/>
            no item                  | bad-request    | ''
            a group twice            | bad-request    | <item jid='bob@localhost'><group>A</group><group>A</group></item>
            an empty group           | not-acceptable | <item jid='bob@localhost'><group/></item>
            a name too long          | not-acceptable | <item jid='bob@localhost' name='LONG'/>
            a group too long         | not-acceptable | <item jid='bob@localhost'><group>LONG</group></item>
            oneself                  | not-allowed    | <item jid='alice@localhost'/>
            removing a stranger      | item-not-found | <item jid='nobody@localhost' subscription='remove'/>
            """)
    void badRosterSetsAreRefusedAndChangeNothing(String what, String condition, String item) throws Exception {
        try (ImClient alice = ImClient.login(server, "alice", "bad-input")) {
            XmlElement before = alice.roster();
            XmlElement reply = alice.iq("set", "<query xmlns='jabber:iq:roster'>"
                    + item.replace("LONG", "x".repeat(RosterXml.MAX_TEXT + 1)) + "</query>");

            assertThat(reply.attribute("type")).isEqualTo("error");
            assertThat(Iqs.errorCondition(reply)).as(what).isEqualTo(condition);
            assertThat(alice.roster()).isEqualTo(before);
        }
    }

    @Test
    void aFullRosterRefusesNewContactsButKeepsChangingOldOnes() throws Exception {
        try (ImClient bob = ImClient.login(server, "bob", "full")) {
            for (String contact : List.of("c1", "c2", "c3")) {
                assertThat(bob.iq("set", "<query xmlns='jabber:iq:roster'><item jid='" + contact + "@localhost'/></query>")
                        .attribute("type")).isEqualTo("result");
            }
            XmlElement before = bob.roster();

            XmlElement refused = bob.iq("set", "<query xmlns='jabber:iq:roster'><item jid='c4@localhost'/></query>");
            bob.send("<presence to='c5@localhost' type='subscribe'/>");
            XmlElement refusedRequest = bob.next(e -> e.name().equals("presence") && "error".equals(e.attribute("type")));

            assertThat(Iqs.errorCondition(refused)).isEqualTo("policy-violation");
            assertThat(Iqs.errorCondition(refusedRequest)).isEqualTo("policy-violation");
            assertThat(bob.roster()).isEqualTo(before);
            assertThat(bob.iq("set", "<query xmlns='jabber:iq:roster'><item jid='c1@localhost' name='One'/></query>")
                    .attribute("type")).isEqualTo("result");
        }
    }

    @Test
    void aSubscriptionFloodIsCutOffAndChangesNothing() throws Exception {
        try (ImClient carol = ImClient.online(server, "carol", "flood")) {
            carol.send("<presence to='dave@localhost' type='subscribe'/>");
            carol.push();
            carol.send("<presence to='erin@localhost' type='subscribe'/>");
            carol.push();
            XmlElement before = carol.roster();

            carol.send("<presence to='alice@localhost' type='subscribe' id='flood'/>");
            XmlElement refused = carol.next(e -> "flood".equals(e.attribute("id")));

            assertThat(refused.attribute("type")).isEqualTo("error");
            assertThat(Iqs.errorCondition(refused)).isEqualTo("policy-violation");
            assertThat(refused.child("error", "jabber:client").orElseThrow().attribute("type")).isEqualTo("wait");
            assertThat(carol.roster()).isEqualTo(before);
            try (ImClient alice = ImClient.online(server, "alice", "flooded")) {
                assertThat(alice.quiet()).noneMatch(e -> "subscribe".equals(e.attribute("type")));
            }
        }
    }

    @Test
    void anotherAccountsRosterIsForbidden() throws Exception {
        try (ImClient erin = ImClient.login(server, "erin", "nosy")) {
            erin.send("<iq type='get' id='nosy' to='bob@localhost'><query xmlns='jabber:iq:roster'/></iq>");
            assertThat(Iqs.errorCondition(erin.next(e -> "nosy".equals(e.attribute("id"))))).isEqualTo("forbidden");
        }
    }

    @Test
    void anUnchangedRosterIsAnEmptyResultAndPushesCarryTheNewVersion() throws Exception {
        try (ImClient dave = ImClient.login(server, "dave", "versions")) {
            String ver = dave.roster().attribute("ver");
            XmlElement same = dave.iq("get", "<query xmlns='jabber:iq:roster' ver='" + ver + "'/>");
            assertThat(same.attribute("type")).isEqualTo("result");
            assertThat(same.elements().toList()).isEmpty();

            dave.send("<iq type='set' id='add'><query xmlns='jabber:iq:roster'><item jid='zed@localhost'/></query></iq>");
            XmlElement push = dave.next(e -> "set".equals(e.attribute("type")));
            String newVer = push.child("query", ImClient.ROSTER).orElseThrow().attribute("ver");
            assertThat(newVer).isNotEqualTo(ver);
            XmlElement changed = dave.iq("get", "<query xmlns='jabber:iq:roster' ver='" + ver + "'/>");
            XmlElement query = changed.child("query", ImClient.ROSTER).orElseThrow();
            assertThat(query.attribute("ver")).isEqualTo(newVer);
            assertThat(query.elements("item", ImClient.ROSTER).map(i -> i.attribute("jid"))).contains("zed@localhost");
        }
    }
}
