package dev.parley.server.stream;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stream negotiation on the real listeners (RFC 6120 §4-§7, XEP-0368, XEP-0440). */
class ClientStreamNegotiationTest {
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        server.addUser("frank", "frank-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> mechanisms(XmlElement features) {
        return features.child("mechanisms", SASL).orElseThrow().elements("mechanism", SASL).map(XmlElement::text).toList();
    }

    @Test
    void afterStartTlsTheServerOffersScramWithChannelBindingAndNamesTheBindingTypes() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            XmlElement plain = client.openStream("localhost");
            assertThat(client.header().from()).isEqualTo("localhost");
            assertThat(client.header().id()).isNotBlank();
            assertThat(plain.child("mechanisms", SASL)).as("no SASL before the required TLS").isEmpty();

            XmlElement secured = client.startTls("localhost");
            assertThat(secured.child("starttls", "urn:ietf:params:xml:ns:xmpp-tls")).isEmpty();
            assertThat(mechanisms(secured)).contains("SCRAM-SHA-512-PLUS", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS",
                    "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
            assertThat(secured.child("sasl-channel-binding", "urn:xmpp:sasl-cb:0").orElseThrow()
                    .elements("channel-binding", "urn:xmpp:sasl-cb:0").map(e -> e.attribute("type")))
                    .contains("tls-server-end-point");
        }
    }

    @Test
    void directTlsOffersAuthenticationAtOnceAndBindsAResource() throws Exception {
        try (RawXmppClient client = RawXmppClient.connectTls(server.directTlsPort(), "localhost")) {
            XmlElement features = client.openStream("localhost");
            assertThat(features.child("starttls", "urn:ietf:params:xml:ns:xmpp-tls")).isEmpty();
            assertThat(mechanisms(features)).contains("PLAIN", "SCRAM-SHA-256");
            assertThat(client.authenticatePlain("frank", "frank-password").name()).isEqualTo("success");
            XmlElement bound = client.openStream("localhost");
            assertThat(bound.child("bind", BIND)).isPresent();
            client.send("<iq type='set' id='b'><bind xmlns='" + BIND + "'/></iq>");
            String jid = client.next().child("bind", BIND).orElseThrow().childText("jid", BIND).orElseThrow();
            assertThat(jid).startsWith("frank@localhost/");
        }
    }

    @Test
    void aSecondClientOnTheSameResourceReplacesTheFirst() throws Exception {
        try (RawXmppClient first = RawXmppClient.connect(server.c2sPort());
             RawXmppClient second = RawXmppClient.connect(server.c2sPort())) {
            assertThat(first.login("localhost", "frank", "frank-password", "desk")).isEqualTo("frank@localhost/desk");
            assertThat(second.login("localhost", "frank", "frank-password", "desk")).isEqualTo("frank@localhost/desk");
            assertThat(first.streamErrorCondition()).isEqualTo("conflict");
            assertThat(first.awaitClose()).isTrue();
            second.send("<iq type='get' id='p' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(second.next().attribute("type")).isEqualTo("result");
        }
    }

    @Test
    void theClientClosingItsStreamGetsTheClosingTagAndTheConnectionEnds() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.login("localhost", "frank", "frank-password", "leaving");
            client.send("</stream:stream>");
            assertThat(client.awaitClose()).isTrue();
            assertThat(client.closedByServer()).isTrue();
        }
    }
}
