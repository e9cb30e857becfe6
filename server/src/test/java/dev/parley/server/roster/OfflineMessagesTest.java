package dev.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Iqs;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** XEP-0160 offline messages on the real listeners: order, delays, what is not stored, the quota, priorities. */
class OfflineMessagesTest {
    private static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("""
                limits:
                  offline-messages: 3
                """);
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.addUser(user, user + "-password");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void message(ImClient from, String to, String id, String payload) throws Exception {
        from.send("<message to='" + to + "' type='chat' id='" + id + "'>" + payload + "</message>");
    }

    @Test
    void messagesForAnOfflineAccountArriveInOrderWithADelayAfterLogin() throws Exception {
        Instant sent = Instant.now().minusMillis(1);
        try (ImClient alice = ImClient.online(server, "alice", "phone")) {
            message(alice, "bob@localhost", "m1", "<body>one</body>");
            message(alice, "bob@localhost/gone", "m2", "<body>two</body>");
            message(alice, "bob@localhost", "state", "<composing xmlns='" + CHAT_STATES + "'/>");
            alice.send("<message to='bob@localhost' type='headline' id='news'><body>news</body></message>");
            message(alice, "bob@localhost", "m3", "<body>three</body>");
            alice.sync();
            assertThat(alice.quiet()).as("nothing bounced").noneMatch(e -> "error".equals(e.attribute("type")));
        }
        try (ImClient bob = ImClient.online(server, "bob", "laptop")) {
            for (String id : List.of("m1", "m2", "m3")) {
                XmlElement message = bob.next(e -> e.name().equals("message"));
                assertThat(message.attribute("id")).isEqualTo(id);
                assertThat(message.attribute("from")).isEqualTo("alice@localhost/phone");
                XmlElement delay = message.child("delay", "urn:xmpp:delay").orElseThrow();
                assertThat(delay.attribute("from")).isEqualTo("localhost");
                assertThat(delay.attribute("stamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(Instant.parse(delay.attribute("stamp"))).isAfterOrEqualTo(sent.minusMillis(1))
                        .isBeforeOrEqualTo(Instant.now());
            }
            assertThat(bob.quiet()).noneMatch(e -> e.name().equals("message"));
        }
        try (ImClient bob = ImClient.online(server, "bob", "again")) {
            assertThat(bob.quiet()).as("delivered messages are gone").noneMatch(e -> e.name().equals("message"));
        }
    }

    @Test
    void aFullQueueAndNoStoreHintsBounceWithServiceUnavailable() throws Exception {
        try (ImClient alice = ImClient.online(server, "alice", "quota")) {
            message(alice, "carol@localhost", "hint", "<body>secret</body><no-store xmlns='urn:xmpp:hints'/>");
            assertThat(Iqs.errorCondition(alice.next(e -> "hint".equals(e.attribute("id")))))
                    .isEqualTo("service-unavailable");
            for (int i = 1; i <= 3; i++) {
                message(alice, "carol@localhost", "q" + i, "<body>" + i + "</body>");
            }
            message(alice, "carol@localhost", "stored-state", "<active xmlns='" + CHAT_STATES + "'/>"
                    + "<store xmlns='urn:xmpp:hints'/>");
            XmlElement refused = alice.next(e -> "stored-state".equals(e.attribute("id")));
            assertThat(refused.attribute("type")).isEqualTo("error");
            assertThat(Iqs.errorCondition(refused)).isEqualTo("service-unavailable");
        }
        try (ImClient carol = ImClient.online(server, "carol", "pc")) {
            for (String id : List.of("q1", "q2", "q3")) {
                assertThat(carol.next(e -> e.name().equals("message")).attribute("id")).isEqualTo(id);
            }
        }
    }

    @Test
    void aNegativePriorityResourceGetsNoMessagesForTheBareJid() throws Exception {
        try (ImClient dave = ImClient.login(server, "dave", "hidden");
             ImClient alice = ImClient.online(server, "alice", "neg")) {
            dave.send("<presence><priority>-1</priority></presence>");
            dave.sync();
            message(alice, "dave@localhost", "bare", "<body>for the bare JID</body>");
            message(alice, "dave@localhost/hidden", "full", "<body>for the resource</body>");
            assertThat(dave.next(e -> e.name().equals("message")).attribute("id")).isEqualTo("full");
            assertThat(dave.quiet()).noneMatch(e -> e.name().equals("message"));

            dave.send("<presence><priority>0</priority></presence>");
            assertThat(dave.next(e -> e.name().equals("message")).attribute("id")).isEqualTo("bare");
        }
    }
}
