package dev.parley.server.blocking;

import static dev.parley.server.blocking.BlockingClient.BLOCKING;
import static dev.parley.server.blocking.BlockingClient.ERRORS;
import static dev.parley.server.testing.Iqs.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XEP-0191 on the real listeners: the command (§3), its pushes, and what a block does to stanzas (§3.3, §3.4). */
class BlockingTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void theServerAdvertisesTheCommand() throws Exception {
        try (BlockingClient alice = BlockingClient.login(server.c2sPort(), server.addFreshUser(), "phone")) {
            XmlElement info = alice.iq("get", TestServer.DOMAIN,
                    "<query xmlns='http://jabber.org/protocol/disco#info'/>");
            assertThat(info.child("query", "http://jabber.org/protocol/disco#info").orElseThrow()
                    .elements("feature", "http://jabber.org/protocol/disco#info").map(f -> f.attribute("var")))
                    .contains(BLOCKING);
        }
    }

    @Test
    void messagesFromABlockedContactAreRefusedAndNeitherDeliveredNorStoredOffline() throws Exception {
        String aliceName = server.addFreshUser();
        String bobName = server.addFreshUser();
        try (BlockingClient alice = BlockingClient.online(server, aliceName, "phone");
             BlockingClient bob = BlockingClient.online(server, bobName, "pc")) {
            assertThat(alice.block(bob.bare).attribute("type")).isEqualTo("result");
            bob.send("<message to='" + alice.bare + "' id='m1' type='chat'><body>hello</body></message>");
            XmlElement refused = bob.next(e -> e.name().equals("message") && "m1".equals(e.attribute("id")));
            assertThat(refused.attribute("type")).isEqualTo("error");
            assertThat(errorCondition(refused)).isEqualTo("service-unavailable");
            assertThat(alice.quiet()).noneMatch(e -> e.name().equals("message"));
        }
        try (BlockingClient bob = BlockingClient.online(server, bobName, "pc")) {
            bob.send("<message to='" + aliceName + "@localhost' id='m2'><body>still there?</body></message>");
            XmlElement refused = bob.next(e -> e.name().equals("message") && "m2".equals(e.attribute("id")));
            assertThat(errorCondition(refused)).isEqualTo("service-unavailable");
        }
        assertThat(server.server().storage().offline().list(new AccountId(TestServer.DOMAIN, aliceName), 10)
                .toCompletableFuture().join()).as("nothing kept for offline delivery").isEmpty();
    }

    @Test
    void iqRequestsFromABlockedContactGetServiceUnavailable() throws Exception {
        try (BlockingClient alice = BlockingClient.online(server, server.addFreshUser(), "phone");
             BlockingClient bob = BlockingClient.online(server, server.addFreshUser(), "pc")) {
            alice.block(bob.bare);
            XmlElement toResource = bob.iq("get", alice.jid, "<ping xmlns='urn:xmpp:ping'/>");
            assertThat(errorCondition(toResource)).isEqualTo("service-unavailable");
            XmlElement toAccount = bob.iq("get", alice.bare, "<vCard xmlns='vcard-temp'/>");
            assertThat(errorCondition(toAccount)).isEqualTo("service-unavailable");
            assertThat(alice.quiet()).noneMatch(e -> e.name().equals("iq"));
        }
    }

    @Test
    void whatTheUserSendsToABlockedJidIsRefusedWithBlocked() throws Exception {
        try (BlockingClient alice = BlockingClient.online(server, server.addFreshUser(), "phone");
             BlockingClient bob = BlockingClient.online(server, server.addFreshUser(), "pc")) {
            alice.block(bob.jid, "example.org");
            alice.send("<message to='" + bob.jid + "' id='m1' type='chat'><body>hi</body></message>");
            assertBlocked(alice.next(e -> e.name().equals("message") && "m1".equals(e.attribute("id"))));
            assertBlocked(alice.iq("get", bob.jid, "<ping xmlns='urn:xmpp:ping'/>"));
            assertBlocked(alice.iq("get", "romeo@example.org/orchard", "<ping xmlns='urn:xmpp:ping'/>"));
            assertThat(bob.quiet()).noneMatch(e -> e.name().equals("message") || e.name().equals("iq"));
        }
    }

    private static void assertBlocked(XmlElement refused) throws Exception {
        assertThat(refused.attribute("type")).isEqualTo("error");
        assertThat(errorCondition(refused)).isEqualTo("not-acceptable");
        assertThat(refused.child("error", "jabber:client").orElseThrow().child("blocked", ERRORS)).isPresent();
    }

    @Test
    void aBlockedContactSeesTheUserGoOfflineAndAgainOnlineWhenUnblocked() throws Exception {
        String aliceName = server.addFreshUser();
        String bobName = server.addFreshUser();
        BlockingClient.subscribedBoth(server, aliceName, bobName);
        try (BlockingClient alice = BlockingClient.online(server, aliceName, "phone");
             BlockingClient bob = BlockingClient.online(server, bobName, "pc")) {
            bob.presence(null, alice.jid);
            alice.presence(null, bob.jid);

            alice.block(bob.bare);
            bob.presence("unavailable", alice.jid); // §3.3: as if alice had gone offline

            alice.send("<presence><show>away</show></presence>");
            bob.send("<presence><show>dnd</show></presence>");
            alice.sync();
            bob.sync();
            assertThat(bob.quiet()).noneMatch(e -> e.name().equals("presence") && e.attribute("from").equals(alice.jid));
            assertThat(alice.quiet()).noneMatch(e -> e.name().equals("presence") && e.attribute("from").equals(bob.jid));

            alice.unblock(bob.bare);
            assertThat(bob.presence(null, alice.jid).childText("show", "jabber:client")).contains("away");
            assertThat(alice.presence(null, bob.jid).childText("show", "jabber:client"))
                    .as("bob's presence, probed again").contains("dnd");
        }
    }

    @Test
    void changesArePushedToTheResourcesThatRequestedTheList() throws Exception {
        String name = server.addFreshUser();
        try (BlockingClient first = BlockingClient.login(server.c2sPort(), name, "one");
             BlockingClient second = BlockingClient.login(server.c2sPort(), name, "two");
             BlockingClient third = BlockingClient.login(server.c2sPort(), name, "three")) {
            assertThat(first.blocklist()).isEmpty();
            assertThat(second.blocklist()).isEmpty();

            assertThat(first.block("romeo@example.org", "example.net/bot").attribute("type")).isEqualTo("result");
            for (BlockingClient interested : new BlockingClient[] {first, second}) {
                XmlElement push = interested.push();
                assertThat(push.name()).isEqualTo("block");
                assertThat(push.elements("item", BLOCKING).map(i -> i.attribute("jid")))
                        .containsExactly("romeo@example.org", "example.net/bot");
            }
            assertThat(third.quiet()).as("a resource that never asked gets no pushes")
                    .noneMatch(e -> e.name().equals("iq"));
            assertThat(second.blocklist()).containsExactly("romeo@example.org", "example.net/bot");

            assertThat(second.unblock().attribute("type")).isEqualTo("result"); // §3.4: everyone
            for (BlockingClient interested : new BlockingClient[] {first, second}) {
                XmlElement push = interested.push();
                assertThat(push.name()).isEqualTo("unblock");
                assertThat(push.elements().toList()).isEmpty();
            }
            assertThat(third.blocklist()).isEmpty();
        }
    }

    @Test
    void badItemsAreRefusedAndChangeNothing() throws Exception {
        try (BlockingClient alice = BlockingClient.login(server.c2sPort(), server.addFreshUser(), "phone")) {
            alice.block("bob@localhost");
            assertThat(errorCondition(alice.block("@localhost"))).isEqualTo("jid-malformed");
            assertThat(errorCondition(alice.block("carol@localhost", "x@"))).isEqualTo("jid-malformed");
            assertThat(errorCondition(alice.block())).as("§3.3: at least one item").isEqualTo("bad-request");
            assertThat(errorCondition(alice.iq("set", null, "<block xmlns='" + BLOCKING + "'><item/></block>")))
                    .isEqualTo("bad-request");
            assertThat(errorCondition(alice.iq("set", null, "<blocklist xmlns='" + BLOCKING + "'/>")))
                    .isEqualTo("bad-request");
            assertThat(alice.blocklist()).containsExactly("bob@localhost");
        }
    }

    @Test
    void anotherAccountCannotReadOrChangeTheList() throws Exception {
        try (BlockingClient alice = BlockingClient.login(server.c2sPort(), server.addFreshUser(), "phone");
             BlockingClient bob = BlockingClient.login(server.c2sPort(), server.addFreshUser(), "pc")) {
            assertThat(errorCondition(bob.iq("set", alice.bare, BlockingClient.items("block", "x@localhost"))))
                    .isEqualTo("forbidden");
            assertThat(errorCondition(bob.iq("get", alice.bare, "<blocklist xmlns='" + BLOCKING + "'/>")))
                    .isEqualTo("forbidden");
            assertThat(alice.blocklist()).isEmpty();
        }
    }
}
