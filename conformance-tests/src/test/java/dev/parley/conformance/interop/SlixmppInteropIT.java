package dev.parley.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import dev.parley.conformance.Account;
import dev.parley.conformance.ScramSha256Mechanism;
import dev.parley.conformance.ServersUnderTest;
import dev.parley.conformance.SmackClients;
import dev.parley.conformance.XmppServerUnderTest;

import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * Two client stacks talk through the server under test, all three clients over STARTTLS (RFC 6120 §5) after
 * SCRAM-SHA-256 (RFC 7677): slixmpp sends a chat message to Smack client A's bare JID (RFC 6121 §8.5.2.1.1) and waits
 * for A's answer; A sends to Smack client B's full JID (RFC 6121 §8.5.3.1) and B to A's bare JID. Each message must
 * arrive exactly once, from the full JID of its sender (RFC 6120 §8.1.2.1).
 */
class SlixmppInteropIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Smack's mechanism list is global, and SINT runs in the same failsafe JVM: the mechanism is there only while this
     * class runs, so SINT's choice of mechanism does not depend on the order in which the suites run.
     */
    @BeforeAll
    static void registerScramSha256() {
        SASLAuthentication.registerSASLMechanism(new ScramSha256Mechanism());
    }

    @AfterAll
    static void unregisterScramSha256() {
        SASLAuthentication.unregisterSASLMechanism(ScramSha256Mechanism.class.getName());
    }

    @Test
    void twoSmackClientsAndSlixmppExchangeMessages() throws Exception {
        try (XmppServerUnderTest server = ServersUnderTest.select()) {
            Account accountA = server.accounts().get(0);
            Account accountB = server.accounts().get(1);
            Account slixmppAccount = server.accounts().get(2);
            String slixmppJid = slixmppAccount.username() + '@' + server.domain();
            String question = "ping " + UUID.randomUUID();
            String answer = "pong " + UUID.randomUUID();
            String aToB = "a to b " + UUID.randomUUID();
            String bToA = "b to a " + UUID.randomUUID();
            String fence = "fence " + UUID.randomUUID();

            XMPPTCPConnection a = connection(server, accountA, "interop-a");
            XMPPTCPConnection b = connection(server, accountB, "interop-b");
            SmackInbox inboxA = SmackInbox.of(a);
            SmackInbox inboxB = SmackInbox.of(b);
            a.addAsyncStanzaListener(stanza -> {
                Message message = (Message) stanza;
                if (message.getFrom().asBareJid().toString().equals(slixmppJid) && question.equals(message.getBody())) {
                    send(a, message.getFrom(), answer);
                }
            }, MessageTypeFilter.NORMAL_OR_CHAT);
            try {
                logIn(a);
                logIn(b);
                String fullJidA = a.getUser().toString();
                String fullJidB = b.getUser().toString();

                SlixmppScript.Result slixmpp = SlixmppEcho.exchange(server, slixmppAccount,
                        accountA.username() + '@' + server.domain(), question, answer, TIMEOUT);
                assertThat(slixmpp.exitStatus()).as("slixmpp_echo.py: %s", slixmpp.output()).isZero();

                send(a, b.getUser(), aToB);
                send(b, a.getUser().asEntityBareJid(), bToA);
                // The server keeps the order of one sender's stanzas (RFC 6120 §10.1): once a later message on the
                // same path has arrived, any second copy of the earlier one would have arrived before it.
                send(a, b.getUser(), fence);
                send(b, a.getUser().asEntityBareJid(), fence);
                inboxB.awaitBody(fence, "A's fence at B", TIMEOUT);
                inboxA.awaitBody(fence, "B's fence at A", TIMEOUT);

                assertThat(inboxA.withBody(question)).as("slixmpp's message at A").singleElement()
                        .satisfies(message -> {
                            assertThat(message.getFrom().asBareJid().toString()).isEqualTo(slixmppJid);
                            assertThat(message.getFrom().hasResource()).as("from is slixmpp's full JID").isTrue();
                            assertThat(message.getType()).isEqualTo(Message.Type.chat);
                        });
                assertThat(inboxB.withBody(aToB)).as("A's message at B").singleElement()
                        .satisfies(message -> assertThat(message.getFrom().toString()).isEqualTo(fullJidA));
                assertThat(inboxA.withBody(bToA)).as("B's message at A").singleElement()
                        .satisfies(message -> assertThat(message.getFrom().toString()).isEqualTo(fullJidB));
            } finally {
                a.disconnect();
                b.disconnect();
            }
        }
    }

    /** A Smack connection that may authenticate with SCRAM-SHA-256 only. */
    private static XMPPTCPConnection connection(XmppServerUnderTest server, Account account, String resource)
            throws Exception {
        return new XMPPTCPConnection(SmackClients.aimAt(XMPPTCPConnectionConfiguration.builder(), server)
                .setUsernameAndPassword(account.username(), account.password())
                .setResource(resource)
                .addEnabledSaslMechanism(ScramSha256Mechanism.NAME)
                .build());
    }

    /**
     * Logs in and returns once the server knows the resource is available. login() queues the initial presence
     * (RFC 6121 §4.2.1), and the server processes a stream's stanzas in order (RFC 6120 §10.1): once it has answered
     * a ping sent afterwards, it routes messages for the bare JID (RFC 6121 §8.5.2.1) to this resource.
     */
    private static void logIn(XMPPTCPConnection connection) throws Exception {
        connection.connect().login();
        assertThat(connection.isSecureConnection()).as("%s negotiated TLS", connection.getUser()).isTrue();
        assertThat(connection.getUsedSaslMechansism()).as("SASL mechanism of %s", connection.getUser())
                .isEqualTo(ScramSha256Mechanism.NAME);
        assertThat(PingManager.getInstanceFor(connection).pingMyServer(false, TIMEOUT.toMillis()))
                .as("%s pinged its server", connection.getUser()).isTrue();
    }

    private static void send(XMPPTCPConnection from, Jid to, String body)
            throws NotConnectedException, InterruptedException {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza()
                .to(to).ofType(Message.Type.chat).setBody(body).build());
    }
}
