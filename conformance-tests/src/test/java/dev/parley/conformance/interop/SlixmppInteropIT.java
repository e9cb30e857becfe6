package dev.parley.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.parley.conformance.Account;
import dev.parley.conformance.ServersUnderTest;
import dev.parley.conformance.SmackClients;
import dev.parley.conformance.XmppServerUnderTest;

import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Two different client stacks talk through the server under test: slixmpp (STARTTLS, SCRAM-SHA-256) sends a chat
 * message to a Smack client's bare JID, which the server routes to the Smack session (RFC 6121 §8.5.2.1.1); Smack
 * answers, and slixmpp must receive the answer.
 */
class SlixmppInteropIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void smackAnswersAMessageFromSlixmpp() throws Exception {
        try (XmppServerUnderTest server = ServersUnderTest.select()) {
            Account slixmppAccount = server.accounts().get(0);
            Account smackAccount = server.accounts().get(1);
            String slixmppJid = slixmppAccount.username() + '@' + server.domain();
            String question = "ping " + UUID.randomUUID();
            String answer = "pong " + UUID.randomUUID();

            XMPPTCPConnection smack = new XMPPTCPConnection(SmackClients.aimAt(XMPPTCPConnectionConfiguration.builder(), server)
                    .setUsernameAndPassword(smackAccount.username(), smackAccount.password())
                    .setResource("interop-smack")
                    .build());
            CompletableFuture<Message> received = new CompletableFuture<>();
            smack.addAsyncStanzaListener(stanza -> {
                Message message = (Message) stanza;
                if (message.getFrom().asBareJid().toString().equals(slixmppJid) && question.equals(message.getBody())) {
                    received.complete(message);
                    MessageBuilder reply = smack.getStanzaFactory().buildMessageStanza()
                            .to(message.getFrom())
                            .ofType(Message.Type.chat)
                            .setBody(answer);
                    smack.sendStanza(reply.build());
                }
            }, MessageTypeFilter.NORMAL_OR_CHAT);
            try {
                smack.connect().login();
                assertThat(smack.isSecureConnection()).as("Smack negotiated TLS").isTrue();

                SlixmppEcho.Result slixmpp = SlixmppEcho.exchange(server, slixmppAccount,
                        smackAccount.username() + '@' + server.domain(), question, answer, TIMEOUT);

                assertThat(received).as("Smack received slixmpp's message").isCompleted();
                assertThat(received.get(0, TimeUnit.SECONDS).getType()).isEqualTo(Message.Type.chat);
                assertThat(slixmpp.exitStatus()).as("slixmpp_echo.py: %s", slixmpp.output()).isZero();
            } finally {
                smack.disconnect();
            }
        }
    }
}
