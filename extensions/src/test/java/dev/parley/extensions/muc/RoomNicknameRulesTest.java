package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.extensions.muc.MucClient.hasStatus;
import static dev.parley.extensions.muc.MucClient.item;
import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8266 nicknames in rooms end to end (XEP-0045 §7.2.1, §7.2.9, §7.6): confusable nicknames conflict, the room
 * shows the enforced form with status 210, and every refusal changes nothing and is seen by nobody else.
 */
class RoomNicknameRulesTest {
    private static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void nicknamesTheSameUnderComparisonConflictOnEntry() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("confusable");
            alice.createInstant(room, "Alice");
            for (String nick : List.of("alice", "ALICE", "\uFF21\uFF4C\uFF49\uFF43\uFF45", " Alice  ")) {
                assertThat(MucClient.error(bob.join(room, nick, ""))).as(nick).isEqualTo("conflict");
            }
            assertThat(alice.drain(300)).as("refused entries are broadcast to nobody").isEmpty();
            assertThat(occupants(alice, room)).containsExactly("Alice");
        }
    }

    @Test
    void theRoomShowsTheEnforcedNicknameWithStatus210() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("enforced");
            alice.createInstant(room, "alice");
            XmlElement self = bob.join(room, "  Bob   Smith ", "");
            assertThat(self.attribute("from")).isEqualTo(room + "/Bob Smith");
            assertThat(hasStatus(self, 110)).isTrue();
            assertThat(hasStatus(self, 210)).as("§7.2.2: the service changed the nickname").isTrue();
            XmlElement seen = alice.next("presence", room + "/Bob Smith");
            assertThat(hasStatus(seen, 210)).as("210 is for the occupant itself").isFalse();
        }
        try (MucClient carol = MucClient.login(server)) {
            assertThat(hasStatus(carol.join(room("enforced"), "carol", ""), 210)).as("unchanged: no 210").isFalse();
        }
    }

    @Test
    void changingToAnotherOccupantsNicknameIsAConflictAndChangesNothing() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("renames");
            alice.createInstant(room, "Alice");
            bob.join(room, "bob", "");
            alice.next("presence", room + "/bob");
            bob.send("<presence to='" + room + "/aLiCe'/>");
            XmlElement refused = bob.next("presence", room + "/aLiCe");
            assertThat(MucClient.error(refused)).isEqualTo("conflict");
            assertThat(alice.drain(300)).as("nothing broadcast").isEmpty();
            assertThat(occupants(alice, room)).containsExactlyInAnyOrder("Alice", "bob");

            bob.send("<presence to='" + room + "/BOB'/>"); // its own nickname in another case is its to take
            XmlElement renamed = alice.next("presence", room + "/bob");
            assertThat(hasStatus(renamed, 303)).isTrue();
            assertThat(item(renamed).attribute("nick")).isEqualTo("BOB");
            assertThat(alice.next("presence", room + "/BOB").attribute("type")).isNull();
        }
    }

    @Test
    void emptyAndOverlongNicknamesAreRefusedAndCreateNoRoom() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("limits");
            alice.createInstant(room, "alice");
            assertThat(MucClient.error(bob.join(room, "   ", ""))).as("§7.2.1").isEqualTo("jid-malformed");
            assertThat(MucClient.error(bob.join(room, "x".repeat(65), ""))).isEqualTo("not-acceptable");
            assertThat(bob.join(room, "x".repeat(64), "").attribute("type")).as("at the limit").isNull();
            alice.next("presence", room + "/" + "x".repeat(64));
            bob.send("<presence to='" + room + "/" + "y".repeat(65) + "'/>");
            assertThat(MucClient.error(bob.next("presence", room + "/" + "y".repeat(65))))
                    .as("a nickname change too").isEqualTo("not-acceptable");
            assertThat(alice.drain(300)).isEmpty();
            assertThat(occupants(alice, room)).containsExactlyInAnyOrder("alice", "x".repeat(64));

            String never = room("never");
            assertThat(MucClient.error(bob.join(never, " ", ""))).isEqualTo("jid-malformed");
            XmlElement info = bob.request("<iq type='get' to='" + never + "' id='" + MucClient.id() + "'><query "
                    + "xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(MucClient.error(info)).as("no room was created").isEqualTo("item-not-found");
        }
    }

    private static List<String> occupants(MucClient client, String room) throws Exception {
        XmlElement items = client.request("<iq type='get' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='"
                + DISCO_ITEMS + "'/></iq>");
        return items.child("query", DISCO_ITEMS).orElseThrow().elements("item", DISCO_ITEMS)
                .map(i -> i.attribute("name")).toList();
    }
}
