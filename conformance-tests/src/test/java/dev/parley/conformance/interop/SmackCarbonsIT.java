package dev.parley.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.parley.conformance.Account;
import dev.parley.conformance.ServersUnderTest;
import dev.parley.conformance.SmackClients;
import dev.parley.conformance.XmppServerUnderTest;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension.Direction;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * Message Carbons (XEP-0280) as Smack's {@link CarbonManager} sees them: two connections of one account enable
 * carbons; a message another account sends to the first arrives at the second as a {@code <received/>} copy (§7), and
 * a message the first sends arrives at the second as a {@code <sent/>} copy (§8). Smack's manager accepts only copies
 * from the account's own bare JID (§11), so each copy arriving also checks that.
 */
class SmackCarbonsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private record Copy(Direction direction, Message message) {
    }

    @Test
    void twoConnectionsOfOneAccountReceiveCarbonsOfEachOthersConversations() throws Exception {
        try (XmppServerUnderTest server = ServersUnderTest.select()) {
            Account alice = server.accounts().get(0);
            Account bob = server.accounts().get(1);
            XMPPTCPConnection first = connection(server, alice, "carbons-first");
            XMPPTCPConnection second = connection(server, alice, "carbons-second");
            XMPPTCPConnection other = connection(server, bob, "carbons-other");
            try {
                List<Copy> atFirst = copies(first);
                List<Copy> atSecond = copies(second);
                for (XMPPTCPConnection connection : List.of(first, second, other)) {
                    connection.connect().login();
                    PingManager.getInstanceFor(connection).pingMyServer(false, TIMEOUT.toMillis());
                }
                for (XMPPTCPConnection connection : List.of(first, second)) {
                    CarbonManager carbons = CarbonManager.getInstanceFor(connection);
                    assertThat(carbons.isSupportedByServer()).as("§3: the server advertises carbons").isTrue();
                    carbons.enableCarbons();
                    assertThat(carbons.getCarbonsEnabled()).isTrue();
                }

                String inbound = "to the first " + UUID.randomUUID();
                send(other, first.getUser(), inbound);
                Copy received = awaitCopy(atSecond, inbound, "received copy at the second connection");
                assertThat(received.direction()).isEqualTo(Direction.received);
                assertThat(received.message().getFrom().toString()).isEqualTo(other.getUser().toString());
                assertThat(received.message().getTo().toString()).isEqualTo(first.getUser().toString());

                String outbound = "from the first " + UUID.randomUUID();
                send(first, other.getUser(), outbound);
                Copy sent = awaitCopy(atSecond, outbound, "sent copy at the second connection");
                assertThat(sent.direction()).isEqualTo(Direction.sent);
                assertThat(sent.message().getFrom().toString()).isEqualTo(first.getUser().toString());
                assertThat(sent.message().getTo().toString()).isEqualTo(other.getUser().toString());

                // The copies of one message go out in one routing step, so any copy the first connection wrongly got
                // of the two messages above was on its way before the second's copies arrived, and before this fence.
                String fence = "fence " + UUID.randomUUID();
                send(second, other.getUser(), fence);
                awaitCopy(atFirst, fence, "sent copy of the fence at the first connection");
                assertThat(atFirst).as("the first connection got the original, not copies, of its conversation")
                        .extracting(copy -> copy.message().getBody()).containsExactly(fence);
                assertThat(atSecond).hasSize(2);
            } finally {
                first.disconnect();
                second.disconnect();
                other.disconnect();
            }
        }
    }

    private static XMPPTCPConnection connection(XmppServerUnderTest server, Account account, String resource)
            throws Exception {
        return new XMPPTCPConnection(SmackClients.aimAt(XMPPTCPConnectionConfiguration.builder(), server)
                .setUsernameAndPassword(account.username(), account.password())
                .setResource(resource)
                .build());
    }

    private static List<Copy> copies(XMPPTCPConnection connection) {
        List<Copy> copies = new CopyOnWriteArrayList<>();
        CarbonManager.getInstanceFor(connection).addCarbonCopyReceivedListener(
                (direction, carbonCopy, wrapping) -> copies.add(new Copy(direction, carbonCopy)));
        return copies;
    }

    private static Copy awaitCopy(List<Copy> copies, String body, String what) {
        await(what).atMost(TIMEOUT).until(() -> copies.stream().anyMatch(c -> body.equals(c.message().getBody())));
        return copies.stream().filter(c -> body.equals(c.message().getBody())).findFirst().orElseThrow();
    }

    private static void send(XMPPTCPConnection from, Jid to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza()
                .to(to).ofType(Message.Type.chat).setBody(body).build());
    }
}
