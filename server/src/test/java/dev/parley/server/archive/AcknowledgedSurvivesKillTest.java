package dev.parley.server.archive;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.ServerProcess;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parley's central promise (PROMISES.md): a message the server acknowledged is never lost. A client sends with stream
 * management (XEP-0198) to an offline account while the server process is killed with SIGKILL, so nothing gets a
 * chance to flush; after a restart, every message the server had acknowledged is in the recipient's archive and offline
 * queue, once, in the order sent.
 */
class AcknowledgedSurvivesKillTest {
    private static final String SM = Namespaces.STREAM_MANAGEMENT;
    private static final int BATCH = 50;
    private static final int BATCHES = 10;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageIsArchivedAndQueuedOnceAfterSigkill() throws Exception {
        try (ServerProcess node = ServerProcess.in(dir, "")) {
            node.addUser("sender", "sender-password");
            node.addUser("recipient", "recipient-password");
            node.start();

            RawXmppClient sender = RawXmppClient.connect(node.c2sPort());
            sender.login(TestServer.DOMAIN, "sender", "sender-password", "phone");
            sender.send("<enable xmlns='" + SM + "'/>");
            assertThat(sender.next().is("enabled", SM)).isTrue();
            // Half the batches are acknowledged one by one; the other half go out without waiting, and the process
            // dies while they are being written: some acknowledged, some in the store's batch, some in the socket.
            int sent = 0;
            long acknowledged = 0;
            for (int batch = 0; batch < BATCHES; batch++) {
                StringBuilder stanzas = new StringBuilder();
                for (int i = 0; i < BATCH; i++, sent++) {
                    stanzas.append("<message type='chat' to='recipient@").append(TestServer.DOMAIN)
                            .append("'><body>").append(body(sent)).append("</body></message>");
                }
                sender.send(stanzas.append("<r xmlns='").append(SM).append("'/>").toString());
                if (batch < BATCHES / 2) {
                    acknowledged = ackOfAll(sender, sent);
                }
            }
            Thread.sleep(200);
            node.kill();
            acknowledged = Math.max(acknowledged, acksUntilClosed(sender));
            sender.close();

            node.start();
            RawXmppClient raw = RawXmppClient.connect(node.c2sPort());
            XmppSession recipient = new XmppSession(raw,
                    raw.login(TestServer.DOMAIN, "recipient", "recipient-password", "desk"));
            List<XmlElement> archived = wholeArchive(recipient);
            List<String> archivedBodies = archived.stream().map(MamClient::forwardedBody).toList();
            List<String> offlineBodies = offlineMessages(recipient, acknowledged);
            recipient.close();

            System.out.printf("SIGKILL test: sent %d, acknowledged %d, archived %d, queued offline %d%n",
                    sent, acknowledged, archivedBodies.size(), offlineBodies.size());
            assertThat(acknowledged).as("acks before the kill").isPositive().isLessThanOrEqualTo(sent);
            // The server handles one stream's stanzas in order, so what it kept is a prefix of what was sent: nothing
            // acknowledged is missing, nothing is there twice, nothing is out of order.
            assertThat(archivedBodies).hasSizeGreaterThanOrEqualTo((int) acknowledged)
                    .isEqualTo(bodies(archivedBodies.size()));
            assertThat(new HashSet<>(archived.stream().map(r -> r.attribute("id")).toList()))
                    .as("distinct stanza ids").hasSize(archived.size());
            // The offline queue is written after the archive: a message in flight at the kill may be in the archive
            // only (it was never acknowledged), but whatever was acknowledged is in both.
            assertThat(offlineBodies).hasSizeGreaterThanOrEqualTo((int) acknowledged)
                    .isEqualTo(bodies(offlineBodies.size()));
            assertThat(archivedBodies).containsAll(offlineBodies);
        }
    }

    private static String body(int n) {
        return "message " + n;
    }

    private static List<String> bodies(int count) {
        return IntStream.range(0, count).mapToObj(AcknowledgedSurvivesKillTest::body).toList();
    }

    private static long nextAck(RawXmppClient sender) throws Exception {
        return Long.parseLong(sender.next(e -> e.is("a", SM)).attribute("h"));
    }

    /** Asks for acks until 'h' covers everything sent: the server answers at once with what it has handled so far. */
    private static long ackOfAll(RawXmppClient sender, int sent) throws Exception {
        long h = nextAck(sender);
        while (h < sent) {
            Thread.sleep(20);
            sender.send("<r xmlns='" + SM + "'/>");
            h = nextAck(sender);
        }
        return h;
    }

    /** The highest 'h' among the acks that reached the client before its connection ended. */
    private static long acksUntilClosed(RawXmppClient sender) {
        long highest = 0;
        try {
            while (true) {
                highest = Math.max(highest, nextAck(sender));
            }
        } catch (Exception connectionGone) {
            return highest;
        }
    }

    private static List<XmlElement> wholeArchive(XmppSession session) throws Exception {
        List<XmlElement> results = new ArrayList<>();
        String after = null;
        while (true) {
            MamClient.Answer page = MamClient.query(session, MamClient.rsm("<max>250</max>"
                    + (after == null ? "" : "<after>" + after + "</after>")));
            results.addAll(page.results());
            if (page.complete() || page.results().isEmpty()) {
                return results;
            }
            after = page.rsm("last");
        }
    }

    /**
     * Sends initial presence and collects the stored messages it releases (XEP-0160), until {@code atLeast} arrived and
     * then nothing more for a while.
     */
    private static List<String> offlineMessages(XmppSession session, long atLeast) throws Exception {
        session.send("<presence/>");
        List<String> bodies = new ArrayList<>();
        while (bodies.size() < atLeast) {
            bodies.add(body(session.client().next(e -> e.name().equals("message"))));
        }
        for (List<XmlElement> more = session.client().drain(1000); !more.isEmpty();
             more = session.client().drain(1000)) {
            more.stream().filter(e -> e.name().equals("message")).forEach(e -> bodies.add(body(e)));
        }
        return bodies;
    }

    private static String body(XmlElement message) {
        return message.childText("body", Namespaces.CLIENT).orElseThrow();
    }
}
