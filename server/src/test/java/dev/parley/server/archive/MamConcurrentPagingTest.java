package dev.parley.server.archive;

import static dev.parley.server.archive.MamClient.query;
import static dev.parley.server.archive.MamClient.rsm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.archive.MamClient.Answer;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The archive's order promise (PROMISES.md 4, 5) on a real server: while several accounts send to bob at once, a
 * client that keeps asking for "the page after the last id I saw" ends up with exactly the archive, in its order,
 * with no gap and no duplicate, however the appends interleaved with its reads.
 */
class MamConcurrentPagingTest {
    private static final int SENDERS = 3;
    private static final int MESSAGES = 40;
    private static final int PAGE = 7;

    @Test
    void pagingAfterTheLastIdWhileMessagesArriveMissesNothing() throws Exception {
        try (TestServer server = TestServer.start()) {
            String bob = server.addFreshUser();
            List<XmppSession> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                senders.add(XmppSession.loginFresh(server, "s"));
            }
            ExecutorService threads = Executors.newFixedThreadPool(SENDERS);
            try (XmppSession pager = XmppSession.login(server, bob, TestServer.passwordOf(bob), "pager")) {
                List<Future<?>> sending = new ArrayList<>();
                for (int s = 0; s < SENDERS; s++) {
                    XmppSession sender = senders.get(s);
                    String prefix = "s" + s + "-";
                    sending.add(threads.submit(() -> {
                        for (int n = 0; n < MESSAGES; n++) {
                            sender.send("<message type='chat' to='" + bob + "@" + TestServer.DOMAIN + "'><body>"
                                    + prefix + n + "</body></message>");
                        }
                        MamClient.sync(sender); // every message above is archived once this returns
                        return null;
                    }));
                }
                List<String> seenIds = new ArrayList<>();
                List<String> seenBodies = new ArrayList<>();
                boolean sendersDone = false;
                boolean caughtUp = false;
                while (!(sendersDone && caughtUp)) {
                    boolean doneBeforeThisPage = sending.stream().allMatch(Future::isDone);
                    String after = seenIds.isEmpty() ? "" : "<after>" + seenIds.getLast() + "</after>";
                    Answer page = query(pager, rsm("<max>" + PAGE + "</max>" + after));
                    seenIds.addAll(page.ids());
                    seenBodies.addAll(page.bodies());
                    sendersDone = doneBeforeThisPage;
                    caughtUp = page.complete();
                }
                for (Future<?> sent : sending) {
                    sent.get(30, TimeUnit.SECONDS);
                }

                List<String> archiveIds = new ArrayList<>();
                List<String> archiveBodies = new ArrayList<>();
                Answer page = query(pager, rsm("<max>100</max>"));
                while (true) {
                    archiveIds.addAll(page.ids());
                    archiveBodies.addAll(page.bodies());
                    if (page.complete()) {
                        break;
                    }
                    page = query(pager, rsm("<max>100</max><after>" + archiveIds.getLast() + "</after>"));
                }

                assertThat(archiveIds).hasSize(SENDERS * MESSAGES).doesNotHaveDuplicates();
                assertThat(seenIds).isEqualTo(archiveIds);
                assertThat(seenBodies).isEqualTo(archiveBodies);
                for (int s = 0; s < SENDERS; s++) {
                    String prefix = "s" + s + "-";
                    List<String> mine = archiveBodies.stream().filter(b -> b.startsWith(prefix)).toList();
                    assertThat(mine).as("each sender's messages in the order sent").isEqualTo(
                            java.util.stream.IntStream.range(0, MESSAGES).mapToObj(n -> prefix + n).toList());
                }
            } finally {
                threads.shutdownNow();
                for (XmppSession sender : senders) {
                    sender.close();
                }
            }
        }
    }
}
