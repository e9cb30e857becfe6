package dev.parley.server.stream;

import static dev.parley.server.stream.SmClient.SM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

/**
 * Never drop on timeout (XEP-0198 §4): when a session ends with stanzas its client never acknowledged, messages go
 * to another resource or to offline storage with a {@code <delay/>}, IQ requests are answered with an error.
 */
class SessionEndTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass("stream-management: {resume-timeout: 1s, request-ack-after: 1000}\n");

    private static boolean message(XmlElement e, String id) {
        return e.name().equals("message") && id.equals(e.attribute("id"));
    }

    @Test
    void unackedMessagesOfATimedOutSessionLandInOfflineStorageAndArriveDelayed() throws Exception {
        String aliceUser = server.addFreshUser();
        SmClient alice = SmClient.enabled(server, aliceUser, "phone", true);
        assertThat(alice.enabled.attribute("max")).isEqualTo("1");
        try (SmClient bob = SmClient.enabled(server, server.addFreshUser(), "pc", false)) {
            bob.send("<message type='chat' to='" + alice.fullJid + "' id='unacked'><body>hi</body></message>");
            bob.send("<iq type='get' id='ask' to='" + alice.fullJid + "'><query xmlns='jabber:iq:version'/></iq>");
            assertThat(alice.nextStanza().attribute("id")).isEqualTo("unacked");
            assertThat(alice.nextStanza().attribute("id")).isEqualTo("ask");
            alice.close(); // received, never acknowledged

            XmlElement error = bob.raw.next(e -> e.name().equals("iq") && "ask".equals(e.attribute("id")));
            assertThat(error.attribute("type")).isEqualTo("error");
            assertThat(error.child("error", Namespaces.CLIENT).orElseThrow()
                    .child("service-unavailable", "urn:ietf:params:xml:ns:xmpp-stanzas")).isPresent();
        }
        try (SmClient back = SmClient.bound(server, aliceUser, "laptop")) {
            back.send("<presence/>");
            XmlElement stored = back.raw.next(e -> message(e, "unacked"));
            assertThat(stored.child("delay", Namespaces.DELAY)).as("XEP-0203: clients see it is late").isPresent();
            assertThat(stored.childText("body", Namespaces.CLIENT)).contains("hi");
            assertThat(back.raw.drain(300)).filteredOn(e -> message(e, "unacked")).as("exactly once").isEmpty();
        }
    }

    @Test
    void unackedMessagesGoToAnotherAvailableResourceBeforePresenceEnds() throws Exception {
        String aliceUser = server.addFreshUser();
        try (SmClient desk = SmClient.bound(server, aliceUser, "desk");
             SmClient bob = SmClient.bound(server, server.addFreshUser(), "pc")) {
            desk.send("<presence/>");
            desk.raw.next("presence");
            SmClient phone = SmClient.enabled(server, aliceUser, "phone", false);
            phone.send("<presence/>");
            bob.send("<message type='chat' to='" + phone.fullJid + "' id='for-phone'><body>x</body></message>");
            assertThat(phone.raw.next(e -> message(e, "for-phone"))).isNotNull();
            phone.close(); // no resumption: the session ends now

            List<XmlElement> seen = new java.util.ArrayList<>();
            XmlElement last;
            do {
                last = desk.raw.next();
                seen.add(last);
            } while (!(last.name().equals("presence") && phone.fullJid.equals(last.attribute("from"))
                    && "unavailable".equals(last.attribute("type"))));
            XmlElement rerouted = seen.stream().filter(e -> message(e, "for-phone")).findFirst()
                    .orElseThrow(() -> new AssertionError("not rerouted before the unavailable presence: " + seen));
            assertThat(rerouted.child("delay", Namespaces.DELAY)).isPresent();
        }
    }

    @Test
    void aCleanCloseEndsTheSessionWithoutResumption() throws Exception {
        String user = server.addFreshUser();
        SmClient alice = SmClient.enabled(server, user, "phone", true);
        alice.send("</stream:stream>");
        alice.raw.awaitClose();
        alice.close();
        try (SmClient again = SmClient.authenticated(server, user)) {
            again.send("<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='0'/>");
            assertThat(again.raw.next().child("item-not-found", "urn:ietf:params:xml:ns:xmpp-stanzas"))
                    .as("§7: a cleanly closed stream is not resumable").isPresent();
        }
    }

    @Test
    void aTimedOutSessionCannotBeResumed() throws Exception {
        String user = server.addFreshUser();
        SmClient alice = SmClient.enabled(server, user, "phone", true);
        alice.close();
        Thread.sleep(1800);
        try (SmClient again = SmClient.authenticated(server, user)) {
            again.send("<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='0'/>");
            List<XmlElement> answer = List.of(again.raw.next());
            assertThat(answer.getFirst().child("item-not-found", "urn:ietf:params:xml:ns:xmpp-stanzas")).isPresent();
        }
        assertThat(server.server().sessions().sessions(
                dev.parley.xmpp.jid.Jid.parse(user + "@" + TestServer.DOMAIN))).isEmpty();
    }
}
