package dev.parley.server.modules.lastactivity;

import static dev.parley.server.testing.Iqs.errorCondition;
import static dev.parley.server.testing.Iqs.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Last Activity (XEP-0012) on a real server. */
class LastActivityModuleTest {
    private static final String NS = "jabber:iq:last";
    private static final String QUERY = "<query xmlns='jabber:iq:last'/>";
    private static TestServer server;
    private static Instant started;

    @BeforeAll
    static void start() throws Exception {
        started = Instant.now();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static XmppSession login(String name, String resource) throws Exception {
        return XmppSession.login(server, name, TestServer.passwordOf(name), resource);
    }

    private static KeyValueStore store() {
        return server.server().storage().keyValues();
    }

    private static long seconds(XmlElement reply) throws Exception {
        XmlElement query = result(reply);
        assertThat(query.is("query", NS)).isTrue();
        return Long.parseLong(query.attribute("seconds"));
    }

    /** Makes sure the server has processed everything sent so far on {@code session}. */
    private static void roundTrip(XmppSession session) throws Exception {
        session.request("<iq type='get' id='sync' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
    }

    @Test
    void theServerAnswersItsUptime() throws Exception {
        try (XmppSession session = login(server.addFreshUser(), "uptime")) {
            XmlElement reply = session.request("<iq type='get' id='u1' to='localhost'>" + QUERY + "</iq>");

            assertThat(seconds(reply)).isBetween(0L, Duration.between(started, Instant.now()).toSeconds() + 1);
            assertThat(result(reply).text()).isEmpty();
            assertThat(errorCondition(session.request("<iq type='set' id='u2' to='localhost'>" + QUERY + "</iq>")))
                    .isEqualTo("bad-request");
        }
    }

    @Test
    void anAvailableAccountIsActiveNow() throws Exception {
        String name = server.addFreshUser();
        try (XmppSession available = login(name, "available"); XmppSession silent = login(name, "silent")) {
            available.send("<presence/>");
            roundTrip(available);

            assertThat(seconds(silent.request("<iq type='get' id='a1'>" + QUERY + "</iq>"))).isZero();
            assertThat(seconds(silent.request("<iq type='get' id='a2' to='" + silent.bareJid() + "'>" + QUERY
                    + "</iq>"))).isZero();
        }
    }

    @Test
    void theEndOfASessionIsRecordedAsTheLastLogout() throws Exception {
        String name = server.addFreshUser();
        try (XmppSession first = login(name, "first")) {
            assertThat(errorCondition(first.request("<iq type='get' id='l1'>" + QUERY + "</iq>")))
                    .as("never logged out").isEqualTo("item-not-found");
            first.send("</stream:stream>");
            first.client().awaitClose();
        }
        try (XmppSession second = login(name, "second")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    second.request("<iq type='get' id='l2'>" + QUERY + "</iq>").attribute("type")).isEqualTo("result"));
            assertThat(seconds(second.request("<iq type='get' id='l3'>" + QUERY + "</iq>"))).isBetween(0L, 10L);
        }
    }

    @Test
    void secondsCountFromTheRecordedLogout() throws Exception {
        String name = server.addFreshUser();
        AccountId account = AccountId.of(Jid.parse(name + "@localhost"));
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        store().put(account, LastLogout.KEY, new LastLogout(anHourAgo).encode()).toCompletableFuture().join();
        try (XmppSession session = login(name, "back")) {
            long seconds = seconds(session.request("<iq type='get' id='h1'>" + QUERY + "</iq>"));

            assertThat(seconds).isBetween(3600L, Duration.between(anHourAgo, Instant.now()).toSeconds());
        }
    }

    @Test
    void othersMayNotSeeItWithoutPresenceAuthorization() throws Exception {
        String name = server.addFreshUser();
        try (XmppSession owner = login(name, "owner"); XmppSession other = login(server.addFreshUser(), "other")) {
            owner.send("<presence/>");
            roundTrip(owner);

            assertThat(errorCondition(other.request("<iq type='get' id='o1' to='" + owner.bareJid() + "'>" + QUERY
                    + "</iq>"))).isEqualTo("forbidden");
            assertThat(errorCondition(other.request("<iq type='get' id='o2' to='nobody@localhost'>" + QUERY
                    + "</iq>"))).isEqualTo("service-unavailable");
        }
    }

    @Test
    void aContactSubscribedToThePresenceMaySeeItAndAStrangerMayNot() throws Exception {
        try (XmppSession owner = login(server.addFreshUser(), "owner");
             XmppSession contact = login(server.addFreshUser(), "contact");
             XmppSession stranger = login(server.addFreshUser(), "stranger")) {
            owner.send("<presence/>");
            contact.send("<presence/>");
            roundTrip(owner);
            contact.send("<presence to='" + owner.bareJid() + "' type='subscribe'/>");
            owner.client().next(e -> e.name().equals("presence") && "subscribe".equals(e.attribute("type")));
            owner.send("<presence to='" + contact.bareJid() + "' type='subscribed'/>");
            roundTrip(owner);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(contact.request(
                    "<iq type='get' id='s1' to='" + owner.bareJid() + "'>" + QUERY + "</iq>").attribute("type"))
                    .isEqualTo("result"));
            assertThat(seconds(contact.request("<iq type='get' id='s2' to='" + owner.bareJid() + "'>" + QUERY
                    + "</iq>"))).isZero();
            assertThat(errorCondition(stranger.request("<iq type='get' id='s3' to='" + owner.bareJid() + "'>"
                    + QUERY + "</iq>"))).isEqualTo("forbidden");
        }
    }

    @Test
    void aDeletedAccountLeavesNoLastLogoutBehind() throws Exception {
        String name = server.addFreshUser();
        AccountId account = AccountId.of(Jid.parse(name + "@localhost"));
        Jid bare = Jid.parse(name + "@localhost");
        try (XmppSession session = login(name, "leaving")) {
            XmlElement removed = session.request("<iq type='set' id='r1'><query xmlns='jabber:iq:register'>"
                    + "<remove/></query></iq>");
            assertThat(removed.attribute("type")).isEqualTo("result");
            session.client().awaitClose();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.server().sessions().sessions(bare).isEmpty());
        // The record would be written right after the session ended; give it the time it would need.
        Thread.sleep(300);

        assertThat(store().list(account, "").toCompletableFuture().join()).isEmpty();
    }
}
