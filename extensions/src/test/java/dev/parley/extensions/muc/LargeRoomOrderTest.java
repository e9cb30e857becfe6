package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One order for a large room (XEP-0045 §7.4 with XEP-0313 §6.1.2): 200 occupants, several of them sending at once;
 * every occupant gets every message exactly once, all in one order with the same stanza ids, and the room's archive
 * returns exactly those ids in that order.
 */
class LargeRoomOrderTest {
    private static final int OCCUPANTS = 200;
    private static final int SENDERS = 8;
    private static final int MESSAGES_EACH = 15;
    private static final int TOTAL = SENDERS * MESSAGES_EACH;
    private static final String RSM = "http://jabber.org/protocol/rsm";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyOccupantSeesEveryMessageOnceInTheArchivesOrder() throws Exception {
        String room = room("crowd");
        // Every test client connects from 127.0.0.1; the default allows 100 connections per address.
        try (TestServer server = TestServer.start("limits: {connections-per-ip: 1000}\n");
             ExecutorService logins = Executors.newFixedThreadPool(8);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            MucClient owner = MucClient.login(server);
            owner.createInstant(room, "owner");
            List<MucClient> occupants = new ArrayList<>(List.of(owner));
            try {
                List<Future<MucClient>> joining = new ArrayList<>();
                for (int i = 1; i < OCCUPANTS; i++) {
                    String nick = "n" + i;
                    joining.add(logins.submit(() -> {
                        MucClient client = new MucClient(XmppSession.loginFresh(server, "crowd"));
                        client.send("<presence/>");
                        XmlElement self = client.join(room, nick, "<history maxstanzas='0'/>");
                        assertThat(self.attribute("type")).as(nick + " joined").isNull();
                        return client;
                    }));
                }
                for (Future<MucClient> joined : joining) {
                    occupants.add(joined.get());
                }

                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<String>>> seen = new ArrayList<>();
                for (int i = 0; i < OCCUPANTS; i++) {
                    MucClient client = occupants.get(i);
                    int sender = i % (OCCUPANTS / SENDERS) == 0 ? i / (OCCUPANTS / SENDERS) : -1;
                    seen.add(clients.submit(receiveAll(client, room, sender, go)));
                }
                go.countDown();
                List<List<String>> views = new ArrayList<>();
                for (Future<List<String>> view : seen) {
                    views.add(view.get());
                }

                List<String> reference = views.getFirst();
                assertThat(reference).hasSize(TOTAL).doesNotHaveDuplicates();
                for (List<String> view : views) {
                    assertThat(view).as("same messages, same ids, same order").isEqualTo(reference);
                }
                List<Future<Boolean>> quiet = new ArrayList<>();
                for (MucClient client : occupants) {
                    quiet.add(clients.submit(() -> client.drain(300).stream().noneMatch(body(room))));
                }
                for (Future<Boolean> nothingMore : quiet) {
                    assertThat(nothingMore.get()).as("no message twice").isTrue();
                }
                assertThat(archivedIds(owner, room)).as("the archive's order is the occupants' order")
                        .isEqualTo(reference.stream().map(entry -> entry.substring(0, entry.indexOf('|'))).toList());
            } finally {
                for (MucClient client : occupants) {
                    client.close();
                }
            }
        }
    }

    /**
     * Waits for {@code go}, sends this occupant's messages if it is a sender (index ≥ 0), and returns every groupchat
     * message it got as "stanza-id|body", in arrival order.
     */
    private static Callable<List<String>> receiveAll(MucClient client, String room, int sender, CountDownLatch go) {
        return () -> {
            go.await();
            if (sender >= 0) {
                for (int m = 0; m < MESSAGES_EACH; m++) {
                    client.send("<message to='" + room + "' type='groupchat'><body>s" + sender + "-" + m
                            + "</body></message>");
                }
            }
            List<String> got = new ArrayList<>();
            HashSet<String> ownOrder = new HashSet<>();
            while (got.size() < TOTAL) {
                XmlElement message = client.session().client().next(body(room));
                String body = message.childText("body", "jabber:client").orElseThrow();
                got.add(MucClient.stanzaId(message) + "|" + body);
                ownOrder.add(body);
            }
            assertThat(ownOrder).hasSize(TOTAL);
            return got;
        };
    }

    private static Predicate<XmlElement> body(String room) {
        return e -> e.name().equals("message") && "groupchat".equals(e.attribute("type"))
                && e.attribute("from") != null && e.attribute("from").startsWith(room + "/")
                && e.child("body", "jabber:client").isPresent();
    }

    private static List<String> archivedIds(MucClient owner, String room) throws Exception {
        List<String> ids = new ArrayList<>();
        String last = null;
        while (true) {
            MucClient.ArchiveAnswer answer = owner.queryArchive(room, MucClient.page(50, last));
            ids.addAll(answer.ids());
            if ("true".equals(answer.fin().attribute("complete"))) {
                return ids;
            }
            last = answer.fin().child("set", RSM).orElseThrow().childText("last", RSM).orElseThrow();
        }
    }
}
