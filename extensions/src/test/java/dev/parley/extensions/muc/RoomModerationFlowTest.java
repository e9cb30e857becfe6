package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.extensions.muc.MucClient.room;
import static dev.parley.extensions.muc.MucClient.stanzaId;
import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0425 moderated message retraction in a room, end to end. */
class RoomModerationFlowTest {
    private static final String MODERATE = "urn:xmpp:message-moderate:1";
    private static final String RETRACT = "urn:xmpp:message-retract:1";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String moderate(String room, String id, String children) {
        return "<iq type='set' to='" + room + "' id='" + MucClient.id() + "'><moderate xmlns='" + MODERATE + "'"
                + (id == null ? "" : " id='" + id + "'") + ">" + children + "</moderate></iq>";
    }

    private static String retract(String room, String id) {
        return moderate(room, id, "<retract xmlns='" + RETRACT + "'/><reason>Spam</reason>");
    }

    /** The room's archived messages, as forwarded in a XEP-0313 query. */
    private static List<XmlElement> archived(MucClient client, String room) throws Exception {
        return client.queryArchive(room, "").messages();
    }

    @Test
    void aModeratorRetractsAMessageEveryoneIsToldAndTheArchiveAndHistoryKeepATombstone() throws Exception {
        try (MucClient mod = MucClient.login(server); MucClient bob = MucClient.login(server);
             MucClient carol = MucClient.login(server)) {
            String room = room("moderated");
            mod.createInstant(room, "mod");
            bob.join(room, "bob", "");
            bob.send("<message to='" + room + "' type='groupchat'><body>free potions</body></message>");
            String spam = stanzaId(mod.next("message", room + "/bob"));
            bob.next("message", room + "/bob");

            String request = retract(room, spam);
            mod.send(request);

            for (MucClient occupant : List.of(mod, bob)) {
                XmlElement notice = occupant.session().client().next(m -> m.name().equals("message")
                        && room.equals(m.attribute("from")) && m.child("retract", RETRACT).isPresent());
                assertThat(notice.attribute("type")).isEqualTo("groupchat");
                XmlElement retractElement = notice.child("retract", RETRACT).orElseThrow();
                assertThat(retractElement.attribute("id")).isEqualTo(spam);
                XmlElement moderated = retractElement.child("moderated", MODERATE).orElseThrow();
                assertThat(moderated.attribute("by")).isEqualTo(room + "/mod");
                assertThat(moderated.child("occupant-id", "urn:xmpp:occupant-id:0")).isPresent();
                assertThat(retractElement.childText("reason", RETRACT)).contains("Spam");
                assertThat(notice.child("stanza-id", "urn:xmpp:sid:0").orElseThrow().attribute("by")).isEqualTo(room);
            }
            XmlElement answer = mod.session().client().next("iq");
            assertThat(answer.attribute("type")).as("answered after the notice").isEqualTo("result");
            assertThat(request).contains("id='" + answer.attribute("id") + "'");
            List<XmlElement> archive = archived(mod, room);
            assertThat(archive).hasSize(2);
            XmlElement tombstone = archive.getFirst();
            assertThat(tombstone.toString()).doesNotContain("potions");
            assertThat(tombstone.child("retracted", RETRACT).orElseThrow().child("moderated", MODERATE)).isPresent();
            assertThat(archive.get(1).child("retract", RETRACT)).as("XEP-0424 §5: the retraction is archived")
                    .isPresent();

            carol.join(room, "carol", "");
            XmlElement first = carol.next("message", room + "/bob");
            assertThat(first.child("retracted", RETRACT)).as("history shows the tombstone").isPresent();
            assertThat(first.toString()).doesNotContain("potions");
            assertThat(carol.next("message", room).child("retract", RETRACT)).isPresent();
        }
    }

    @Test
    void refusedModerationsChangeNothing() throws Exception {
        try (MucClient mod = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("unmoderated");
            mod.createInstant(room, "mod");
            bob.join(room, "bob", "");
            mod.send("<message to='" + room + "' type='groupchat'><subject>Rules</subject></message>");
            bob.send("<message to='" + room + "' type='groupchat'><body>fine words</body></message>");
            String subject = stanzaId(mod.next("message", room + "/mod"));
            String words = stanzaId(mod.next("message", room + "/bob"));
            bob.drain(300);

            assertThat(MucClient.error(bob.request(retract(room, words)))).as("not a moderator").isEqualTo("forbidden");
            assertThat(MucClient.error(mod.request(retract(room, "no-such-id")))).isEqualTo("item-not-found");
            assertThat(MucClient.error(mod.request(retract(room, subject)))).as("a subject change")
                    .isEqualTo("bad-request");
            assertThat(MucClient.error(mod.request(moderate(room, words, "")))).as("no <retract/>")
                    .isEqualTo("bad-request");
            assertThat(MucClient.error(mod.request(moderate(room, null, "<retract xmlns='" + RETRACT + "'/>"))))
                    .as("no id").isEqualTo("bad-request");

            assertThat(bob.drain(300)).as("no notice").noneMatch(s -> s.toString().contains(RETRACT));
            List<XmlElement> archive = archived(mod, room);
            assertThat(archive).hasSize(2).noneMatch(m -> m.toString().contains(RETRACT))
                    .anyMatch(m -> m.childText("body", "jabber:client").filter("fine words"::equals).isPresent());
        }
    }

    @Test
    void theRoomAdvertisesModeration() throws Exception {
        try (MucClient mod = MucClient.login(server)) {
            String room = room("discoverable");
            mod.createInstant(room, "mod");
            XmlElement info = mod.request("<iq type='get' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='"
                    + "http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(info.toString()).contains("var='" + MODERATE + "'");
        }
    }
}
