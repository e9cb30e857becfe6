package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.extensions.muc.MucClient.room;
import static dev.parley.extensions.muc.MucClient.stanzaId;
import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0424 message retraction by the author in a room, end to end. */
class AuthorRetractionFlowTest {
    private static final String RETRACT = "urn:xmpp:message-retract:1";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** A retraction as XEP-0424 §3 shows it: fallback body and a store hint. */
    private static String retraction(String room, String messageId, String stanzaId) {
        return "<message to='" + room + "' type='groupchat' id='" + messageId + "'>"
                + "<retract id='" + stanzaId + "' xmlns='" + RETRACT + "'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='" + RETRACT + "'/>"
                + "<body>/me retracted a previous message, but it's unsupported by your client.</body>"
                + "<store xmlns='urn:xmpp:hints'/></message>";
    }

    private static boolean isRetraction(XmlElement stanza) {
        return stanza.name().equals("message") && stanza.child("retract", RETRACT).isPresent();
    }

    @Test
    void theAuthorRetractsItsMessageEveryoneIsToldAndArchiveAndHistoryKeepATombstone() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server);
             MucClient carol = MucClient.login(server)) {
            String room = room("oops");
            alice.createInstant(room, "alice");
            bob.join(room, "bob", "");
            alice.send("<message to='" + room + "' type='groupchat' id='wrong-1'><body>meant for bob only</body>"
                    + "</message>");
            String wrong = stanzaId(bob.next("message", room + "/alice"));
            alice.next("message", room + "/alice");
            // The author is known by its occupant id, not its nickname: a new nickname still retracts.
            alice.send("<presence to='" + room + "/ally'/>");
            alice.session().client().next(p -> p.name().equals("presence") && (room + "/ally").equals(
                    p.attribute("from")));

            alice.send(retraction(room, "retract-1", wrong));

            for (MucClient occupant : List.of(alice, bob)) {
                XmlElement notice = occupant.session().client().next(AuthorRetractionFlowTest::isRetraction);
                assertThat(notice.attribute("from")).isEqualTo(room + "/ally");
                assertThat(notice.attribute("type")).isEqualTo("groupchat");
                assertThat(notice.attribute("id")).isEqualTo("retract-1");
                assertThat(notice.child("retract", RETRACT).orElseThrow().attribute("id")).isEqualTo(wrong);
                assertThat(notice.child("occupant-id", "urn:xmpp:occupant-id:0")).isPresent();
                assertThat(notice.child("stanza-id", "urn:xmpp:sid:0").orElseThrow().attribute("by")).isEqualTo(room);
            }
            List<XmlElement> archive = alice.queryArchive(room, "").messages();
            assertThat(archive).hasSize(2);
            XmlElement tombstone = archive.getFirst();
            assertThat(tombstone.toString()).doesNotContain("meant for bob");
            assertThat(tombstone.attribute("id")).isEqualTo("wrong-1");
            XmlElement retracted = tombstone.child("retracted", RETRACT).orElseThrow();
            assertThat(retracted.attribute("id")).as("XEP-0424 §4: the retraction's message id").isEqualTo("retract-1");
            assertThat(retracted.attribute("stamp")).isNotBlank();
            assertThat(archive.get(1).child("retract", RETRACT)).as("XEP-0424 §5: the retraction is archived")
                    .isPresent();

            carol.join(room, "carol", "");
            XmlElement first = carol.next("message", room + "/alice");
            assertThat(first.child("retracted", RETRACT)).as("history shows the tombstone").isPresent();
            assertThat(first.toString()).doesNotContain("meant for bob");
            assertThat(carol.next("message", room + "/ally").child("retract", RETRACT)).isPresent();
        }
    }

    @Test
    void retractingAnotherOccupantsOrAnUnknownMessageIsRefusedAndChangesNothing() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient mallory = MucClient.login(server)) {
            String room = room("spoofed");
            alice.createInstant(room, "alice");
            mallory.join(room, "mallory", "");
            alice.send("<message to='" + room + "' type='groupchat'><body>my words</body></message>");
            String words = stanzaId(mallory.next("message", room + "/alice"));
            alice.drain(300);

            mallory.send(retraction(room, "steal-1", words));
            XmlElement refused = mallory.session().client().next(m -> "steal-1".equals(m.attribute("id")));
            assertThat(MucClient.error(refused)).as("XEP-0424 §6: only the author").isEqualTo("forbidden");
            mallory.send(retraction(room, "steal-2", "no-such-id"));
            refused = mallory.session().client().next(m -> "steal-2".equals(m.attribute("id")));
            assertThat(MucClient.error(refused)).isEqualTo("item-not-found");
            alice.send("<message to='" + room + "' type='groupchat'><retract id='" + words + "' xmlns='" + RETRACT
                    + "'/></message>");
            XmlElement anonymous = alice.next("message", room);
            assertThat(MucClient.error(anonymous)).as("no message id to name the tombstone by")
                    .isEqualTo("bad-request");

            assertThat(alice.drain(300)).as("nothing relayed").noneMatch(AuthorRetractionFlowTest::isRetraction);
            assertThat(mallory.drain(300)).noneMatch(AuthorRetractionFlowTest::isRetraction);
            List<XmlElement> archive = alice.queryArchive(room, "").messages();
            assertThat(archive).singleElement().satisfies(m -> assertThat(m.childText("body", "jabber:client"))
                    .contains("my words"));
        }
    }

    @Test
    void aClientCannotPassItsOwnRetractedElementOffAsATombstone() throws Exception {
        try (MucClient alice = MucClient.login(server)) {
            String room = room("forged");
            alice.createInstant(room, "alice");
            alice.send("<message to='" + room + "' type='groupchat'><body>hi</body><retracted id='x' xmlns='"
                    + RETRACT + "'/></message>");
            assertThat(alice.next("message", room + "/alice").child("retracted", RETRACT)).isEmpty();
        }
    }

    @Test
    void theRoomAdvertisesRetractionWithTombstones() throws Exception {
        try (MucClient alice = MucClient.login(server)) {
            String room = room("retractable");
            alice.createInstant(room, "alice");
            XmlElement info = alice.request("<iq type='get' to='" + room + "' id='" + MucClient.id() + "'><query "
                    + "xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(info.toString()).contains("var='" + RETRACT + "'").contains("var='" + RETRACT + "#tombstone'");
        }
    }
}
