package dev.parley.server.caps;

import static dev.parley.server.caps.VerificationStringTest.SIMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** XEP-0115 through a real server: raw clients announce caps in presence and answer (or not) the server's query. */
class CapsEndToEndTest {
    private static final String PRESENCE = "<presence><c xmlns='http://jabber.org/protocol/caps' hash='sha-1'"
            + " node='http://code.google.com/p/exodus' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/></presence>";
    private static final Set<String> FEATURES = Set.of("http://jabber.org/protocol/caps",
            "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
            "http://jabber.org/protocol/muc");

    private static XmlElement capsQuery(XmppSession client) throws Exception {
        return client.client().next(e -> e.name().equals("iq") && "get".equals(e.attribute("type")));
    }

    private static void eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within " + within).isTrue();
    }

    @Test
    void theServerLearnsAClientsFeaturesOnceAndForgetsTheClientWhenItLeaves() throws Exception {
        try (TestServer server = TestServer.start()) {
            CapsService caps = server.server().entityCapabilities();
            Jid first;
            try (XmppSession phone = XmppSession.loginFresh(server, "phone")) {
                first = Jid.parse(phone.fullJid());
                phone.send(PRESENCE);
                XmlElement query = capsQuery(phone);
                assertThat(query.attribute("from")).isEqualTo(TestServer.DOMAIN);
                assertThat(query.attribute("to")).isEqualTo(phone.fullJid());
                assertThat(query.child("query", "http://jabber.org/protocol/disco#info").orElseThrow()
                        .attribute("node")).isEqualTo("http://code.google.com/p/exodus#QgayPKawpkPSDYmwT/WM94uAlu0=");

                phone.send("<iq type='result' id='" + query.attribute("id") + "' to='" + TestServer.DOMAIN + "'>"
                        + SIMPLE + "</iq>");
                eventually(Duration.ofSeconds(5), () -> caps.features(first).equals(FEATURES));

                try (XmppSession laptop = XmppSession.loginFresh(server, "laptop")) {
                    laptop.send(PRESENCE);
                    Jid second = Jid.parse(laptop.fullJid());
                    eventually(Duration.ofSeconds(5), () -> caps.features(second).equals(FEATURES));
                    assertThat(laptop.client().drain(300)).as("no query: the string is cached")
                            .noneMatch(e -> e.name().equals("iq"));
                }
            }
            eventually(Duration.ofSeconds(5), () -> caps.features(first).isEmpty());
        }
    }

    @Test
    void aClientThatNeverAnswersLeavesNothingBehind() throws Exception {
        try (TestServer server = TestServer.start();
             XmppSession silent = XmppSession.loginFresh(server, "silent")) {
            CapsService caps = server.server().entityCapabilities();
            silent.send(PRESENCE);
            capsQuery(silent);
            assertThat(caps.discoveriesUnderway()).isEqualTo(1);

            eventually(CapsService.QUERY_TIMEOUT.plusSeconds(5), () -> caps.discoveriesUnderway() == 0);
            assertThat(caps.features(Jid.parse(silent.fullJid()))).isEmpty();
            // Still connected and still served: the timeout only ended the query.
            assertThat(silent.request("<iq type='get' id='p1' to='" + TestServer.DOMAIN + "'>"
                    + "<ping xmlns='urn:xmpp:ping'/></iq>").attribute("type")).isEqualTo("result");
        }
    }
}
