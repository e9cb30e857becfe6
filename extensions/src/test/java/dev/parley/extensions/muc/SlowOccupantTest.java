package dev.parley.extensions.muc;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-out to an occupant that stops reading (issue 5, "fan-out that scales"): the room and its other occupants go on
 * at their pace, the slow one is cut off with {@code <policy-violation/>} once {@code limits.outbound-bytes} wait for
 * it, and a presence flood to it is coalesced to the latest per occupant instead of piling up.
 */
class SlowOccupantTest {
    private static final int LIMIT = 128 * 1024;
    private static final String SERVER_YAML = "limits: {outbound-bytes: " + LIMIT + "}\n";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    /** An occupant whose socket takes little before it stops taking anything. */
    private static MucClient slowReader(TestServer server, String room, String nick) throws Exception {
        String name = server.addFreshUser();
        RawXmppClient raw = RawXmppClient.connect(server.c2sPort(), 4096);
        MucClient client = new MucClient(new XmppSession(raw,
                raw.login(TestServer.DOMAIN, name, TestServer.passwordOf(name), "slow")));
        client.send("<presence/>");
        assertThat(client.join(room, nick, "<history maxstanzas='0'/>").attribute("type")).isNull();
        return client;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSlowOccupantIsCutOffWhileTheOthersGetEverythingPromptly() throws Exception {
        String room = room("slowpoke");
        int messages = 300;
        String body = "x".repeat(4000);
        try (TestServer server = TestServer.start(SERVER_YAML);
             MucClient alice = MucClient.login(server);
             MucClient bob = MucClient.login(server);
             ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            alice.createInstant(room, "alice");
            bob.join(room, "bob", "<history maxstanzas='0'/>");
            try (MucClient slow = slowReader(server, room, "slow")) {
                bob.next("presence", room + "/slow");

                List<Future<List<String>>> views = new ArrayList<>();
                for (MucClient reader : List.of(alice, bob)) {
                    views.add(readers.submit(() -> {
                        List<String> ids = new ArrayList<>();
                        while (ids.size() < messages) {
                            ids.add(reader.next("message", room + "/alice").attribute("id"));
                        }
                        return ids;
                    }));
                }
                for (int i = 0; i < messages; i++) {
                    alice.send("<message type='groupchat' to='" + room + "' id='g" + i + "'><body>" + body
                            + "</body></message>");
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    expected.add("g" + i);
                }
                for (Future<List<String>> view : views) {
                    // A liveness bound, not a timing: a room held up by the occupant that does not read never
                    // delivers the rest at all.
                    assertThat(view.get(2, TimeUnit.MINUTES)).as("every message, in order, while another occupant "
                            + "does not read").isEqualTo(expected);
                }

                XmlElement gone = bob.next("presence", room + "/slow");
                assertThat(gone.attribute("type")).as("the slow session ended as a dropped connection ends")
                        .isEqualTo("unavailable");

                int read = 0;
                XmlElement last;
                do {
                    last = slow.session().client().next();
                    read += last.name().equals("message") ? 1 : 0;
                } while (!last.name().equals("error"));
                assertThat(last.firstChild("urn:ietf:params:xml:ns:xmpp-streams").orElseThrow().name())
                        .isEqualTo("policy-violation");
                assertThat(read).as("what waited for it was bounded: 1.2 MB were sent to the room, %d kB allowed",
                        LIMIT / 1024).isLessThan(messages / 2);
                assertThat(slow.session().client().awaitClose()).isTrue();
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPresenceFloodToASlowOccupantIsCoalescedAndNeverCutsItOff() throws Exception {
        String room = room("revolving");
        int flooders = 10;
        int rounds = 40;
        try (TestServer server = TestServer.start(SERVER_YAML);
             MucClient owner = MucClient.login(server);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            owner.createInstant(room, "owner");
            try (MucClient slow = slowReader(server, room, "slow")) {
                List<MucClient> doors = new ArrayList<>();
                for (int i = 0; i < flooders; i++) {
                    doors.add(MucClient.login(server));
                }
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < flooders; i++) {
                    MucClient client = doors.get(i);
                    String nick = "f" + i;
                    done.add(threads.submit(() -> {
                        for (int round = 0; round < rounds; round++) {
                            client.join(room, nick, "<history maxstanzas='0'/>");
                            client.send("<presence type='unavailable' to='" + room + "/" + nick + "'/>");
                            client.session().client().next(e -> e.name().equals("presence")
                                    && "unavailable".equals(e.attribute("type"))
                                    && (room + "/" + nick).equals(e.attribute("from")));
                        }
                        return null;
                    }));
                }
                for (Future<?> flooder : done) {
                    flooder.get();
                }
                for (MucClient client : doors) {
                    client.close();
                }

                List<XmlElement> got = slow.drain(2000);
                assertThat(got).as("never cut off").noneMatch(e -> e.name().equals("error"));
                Map<String, String> lastSeen = new HashMap<>();
                int presences = 0;
                for (XmlElement e : got) {
                    if (e.name().equals("presence") && e.child("x", MUC_USER).isPresent()) {
                        presences++;
                        lastSeen.put(e.attribute("from"), e.attribute("type") == null ? "here" : e.attribute("type"));
                    }
                }
                assertThat(presences).as("%d joins and leaves, coalesced while the reader was behind",
                        2 * flooders * rounds).isLessThan(2 * flooders * rounds);
                for (int i = 0; i < flooders; i++) {
                    assertThat(lastSeen.get(room + "/f" + i)).as("the latest presence of f" + i + " wins")
                            .isEqualTo("unavailable");
                }
                XmlElement pong = slow.request("<iq type='get' id='still' to='" + TestServer.DOMAIN
                        + "'><ping xmlns='urn:xmpp:ping'/></iq>");
                assertThat(pong.attribute("type")).isEqualTo("result");
            }
        }
    }
}
