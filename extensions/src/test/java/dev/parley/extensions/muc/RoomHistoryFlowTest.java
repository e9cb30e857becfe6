package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.parley.extensions.muc.MucClient.room;
import static dev.parley.extensions.muc.MucClient.stanzaId;
import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0045 §7.2.15 discussion history served from the room's archive, end to end. */
class RoomHistoryFlowTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static void say(MucClient client, String room, String body) throws Exception {
        client.send("<message to='" + room + "' type='groupchat'><body>" + body + "</body></message>");
    }

    /** The groupchat messages and the subject a newcomer gets up to and including the subject. */
    private static List<XmlElement> untilSubject(MucClient client, String room) throws Exception {
        List<XmlElement> got = new ArrayList<>();
        while (true) {
            XmlElement next = client.session().client().next(e -> e.name().equals("message")
                    && "groupchat".equals(e.attribute("type")) && e.attribute("from").startsWith(room));
            got.add(next);
            if (next.child("subject", "jabber:client").isPresent()) {
                return got;
            }
        }
    }

    private static String body(XmlElement message) {
        return message.childText("body", "jabber:client").orElse(null);
    }

    @Test
    void historyIsTheArchiveWithItsIdsAndStampsThenTheSubject() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("fromarchive");
            alice.createInstant(room, "alice");
            alice.send("<message to='" + room + "' type='groupchat'><subject>Plans</subject></message>");
            say(alice, room, "one");
            say(alice, room, "two");
            alice.drain(300);
            MucClient.ArchiveAnswer archive = alice.queryArchive(room, "");

            bob.join(room, "bob", "");
            List<XmlElement> got = untilSubject(bob, room);

            assertThat(got).hasSize(3);
            assertThat(got.stream().limit(2).map(RoomHistoryFlowTest::body)).containsExactly("one", "two");
            assertThat(got.stream().limit(2).map(MucClient::stanzaId))
                    .as("the ids of the archive, the subject change left out")
                    .containsExactlyElementsOf(archive.ids().subList(1, 3));
            XmlElement delay = got.getFirst().child("delay", "urn:xmpp:delay").orElseThrow();
            assertThat(delay.attribute("from")).isEqualTo(room);
            String archivedStamp = archive.results().get(1).child("result", "urn:xmpp:mam:2").orElseThrow()
                    .child("forwarded", "urn:xmpp:forward:0").orElseThrow()
                    .child("delay", "urn:xmpp:delay").orElseThrow().attribute("stamp");
            assertThat(Instant.parse(delay.attribute("stamp"))).isEqualTo(Instant.parse(archivedStamp));
            assertThat(got.getLast().childText("subject", "jabber:client")).contains("Plans");
        }
    }

    @Test
    void maxcharsZeroSinceAndSecondsEndToEnd() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("limits");
            alice.createInstant(room, "alice");
            say(alice, room, "old");
            alice.drain(300);

            bob.join(room, "bob", "<history maxchars='0'/>");
            assertThat(untilSubject(bob, room)).as("maxchars='0': no history").hasSize(1);
            bob.send("<presence to='" + room + "/bob' type='unavailable'/>");
            bob.drain(200);
            bob.join(room, "bob", "<history since='" + Instant.now().plusSeconds(60) + "'/>");
            assertThat(untilSubject(bob, room)).as("nothing since a minute from now").hasSize(1);
            bob.send("<presence to='" + room + "/bob' type='unavailable'/>");
            bob.drain(200);
            bob.join(room, "bob", "<history seconds='3600' maxstanzas='5'/>");
            assertThat(untilSubject(bob, room).stream().map(RoomHistoryFlowTest::body)).containsExactly("old", null);
        }
    }

    @Test
    void messagesAroundAnEntryArriveOnceInTheRoomsOrder() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("entryorder");
            alice.createInstant(room, "alice");
            for (int i = 0; i < 5; i++) {
                say(alice, room, "m" + i);
            }
            bob.send("<presence to='" + room + "/bob'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            for (int i = 5; i < 10; i++) {
                say(alice, room, "m" + i);
            }
            List<XmlElement> before = untilSubject(bob, room);
            List<String> seen = new ArrayList<>();
            before.stream().map(RoomHistoryFlowTest::body).filter(b -> b != null).forEach(seen::add);
            assertThat(before.stream().filter(m -> body(m) != null))
                    .allMatch(m -> m.child("delay", "urn:xmpp:delay").isPresent());
            while (seen.size() < 10 && !seen.contains("m9")) {
                XmlElement live = bob.next("message", room + "/alice");
                assertThat(live.child("delay", "urn:xmpp:delay")).as("after the subject: live").isEmpty();
                seen.add(body(live));
            }
            assertThat(seen).as("history then live: every message once, in order")
                    .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
            assertThat(stanzaId(before.getFirst())).isNotBlank();
        }
    }
}
