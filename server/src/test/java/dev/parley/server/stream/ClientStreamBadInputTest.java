package dev.parley.server.stream;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on the real c2s listener ends in the standard stream error and a closed connection (RFC 6120 §4.9,
 * §11), and a bad stanza gets the standard stanza error while the stream stays up.
 */
class ClientStreamBadInputTest {
    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        server.addUser("alice", "alice-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String errorFor(String input) throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.send(input);
            String condition = client.streamErrorCondition();
            assertThat(client.awaitClose()).as("connection closed after the stream error").isTrue();
            return condition;
        }
    }

    @Test
    void doctypeIsRestrictedXml() throws Exception {
        assertThat(errorFor("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]>" + HEADER)).isEqualTo("restricted-xml");
    }

    @Test
    void commentIsRestrictedXml() throws Exception {
        assertThat(errorFor(HEADER + "<!-- hello -->")).isEqualTo("restricted-xml");
    }

    @Test
    void processingInstructionIsRestrictedXml() throws Exception {
        assertThat(errorFor(HEADER + "<?evil stuff?>")).isEqualTo("restricted-xml");
    }

    @Test
    void undeclaredEntityIsRestrictedXml() throws Exception {
        assertThat(errorFor(HEADER + "<message><body>&lol;</body></message>")).isEqualTo("restricted-xml");
    }

    @Test
    void mismatchedTagsAreNotWellFormed() throws Exception {
        assertThat(errorFor(HEADER + "<message><body></message>")).isEqualTo("not-well-formed");
    }

    @Test
    void invalidUtf8IsNotWellFormed() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.send(HEADER);
            client.next(); // features
            client.send(new byte[]{'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'});
            assertThat(client.streamErrorCondition()).isEqualTo("not-well-formed");
            assertThat(client.awaitClose()).isTrue();
        }
    }

    @Test
    void oversizeStanzaBeforeAuthenticationIsAPolicyViolation() throws Exception {
        String big = "<iq type='get' id='1'><query xmlns='jabber:iq:register'>" + "x".repeat(9000) + "</query></iq>";
        assertThat(errorFor(HEADER + big)).isEqualTo("policy-violation");
    }

    @Test
    void tooDeepNestingIsAPolicyViolation() throws Exception {
        assertThat(errorFor(HEADER + "<a>".repeat(40))).isEqualTo("policy-violation");
    }

    @Test
    void unknownHostIsHostUnknown() throws Exception {
        assertThat(errorFor(HEADER.replace("to='localhost'", "to='elsewhere.example'"))).isEqualTo("host-unknown");
    }

    @Test
    void wrongContentNamespaceIsInvalidNamespace() throws Exception {
        assertThat(errorFor(HEADER.replace("jabber:client", "jabber:server"))).isEqualTo("invalid-namespace");
    }

    @Test
    void stanzaBeforeAuthenticationIsNotAuthorized() throws Exception {
        assertThat(errorFor(HEADER + "<message to='alice@localhost'><body>hi</body></message>"))
                .isIn("not-authorized", "policy-violation");
    }

    @Test
    void saslBeforeRequiredTlsIsRefusedWithEncryptionRequired() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            XmlElement features = client.openStream("localhost");
            assertThat(features.child("starttls", "urn:ietf:params:xml:ns:xmpp-tls").orElseThrow()
                    .child("required", "urn:ietf:params:xml:ns:xmpp-tls")).isPresent();
            assertThat(features.child("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl")).isEmpty();
            client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHg=</auth>");
            XmlElement failure = client.next();
            assertThat(failure.name()).isEqualTo("failure");
            assertThat(failure.child("encryption-required", "urn:ietf:params:xml:ns:xmpp-sasl")).isPresent();
        }
    }

    @Test
    void wrongPasswordAndUnknownAccountFailAlike() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.openStream("localhost");
            client.startTls("localhost");
            XmlElement wrongPassword = client.authenticatePlain("alice", "not-her-password");
            XmlElement unknownAccount = client.authenticatePlain("nobody", "whatever-password");
            assertThat(wrongPassword.name()).isEqualTo("failure");
            assertThat(wrongPassword).isEqualTo(unknownAccount);
            assertThat(wrongPassword.child("not-authorized", "urn:ietf:params:xml:ns:xmpp-sasl")).isPresent();
        }
    }

    @Test
    void malformedJidGetsJidMalformedAndTheStreamStaysUp() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.login("localhost", "alice", "alice-password", "bad-jid");
            client.send("<message to='a@b@c' id='m1'><body>x</body></message>");
            XmlElement error = client.next();
            assertThat(error.attribute("type")).isEqualTo("error");
            assertThat(error.child("error", "jabber:client").orElseThrow()
                    .child("jid-malformed", "urn:ietf:params:xml:ns:xmpp-stanzas")).isPresent();
            client.send("<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(client.next().attribute("type")).isEqualTo("result");
        }
    }

    @Test
    void unknownIqToTheServerIsServiceUnavailable() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.login("localhost", "alice", "alice-password", "unknown-iq");
            client.send("<iq type='get' id='u1' to='localhost'><nonsense xmlns='urn:example:nothing'/></iq>");
            XmlElement error = client.next();
            assertThat(error.attribute("id")).isEqualTo("u1");
            assertThat(error.child("error", "jabber:client").orElseThrow()
                    .child("service-unavailable", "urn:ietf:params:xml:ns:xmpp-stanzas")).isPresent();
        }
    }

    @Test
    void forgedFromIsInvalidFrom() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.login("localhost", "alice", "alice-password", "forger");
            client.send("<message from='bob@localhost/x' to='alice@localhost'><body>x</body></message>");
            assertThat(client.streamErrorCondition()).isEqualTo("invalid-from");
            assertThat(client.awaitClose()).isTrue();
        }
    }

    @Test
    void oversizeStanzaAfterAuthenticationIsAPolicyViolation() throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.login("localhost", "alice", "alice-password", "big");
            byte[] body = ("<message to='alice@localhost'><body>" + "y".repeat(300 * 1024) + "</body></message>")
                    .getBytes(StandardCharsets.UTF_8);
            client.send(body);
            assertThat(client.streamErrorCondition()).isEqualTo("policy-violation");
        }
    }
}
