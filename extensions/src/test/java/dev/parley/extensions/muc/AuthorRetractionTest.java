package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0424 §4 and §6 in a room: which archived message an author may retract, and its tombstone. */
class AuthorRetractionTest {
    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");
    private static final XmlElement MODERATED = XmlElement.builder("moderated", MucXml.MODERATE)
            .attribute("by", "room@conference.example/mod").child(MucXml.occupantId("mod-oid")).build();

    private static XmlElement original() {
        return XmlElement.builder("message", MucXml.CLIENT).attribute("from", "room@conference.example/alice")
                .attribute("type", "groupchat").attribute("id", "m1").textChild("body", "wrong room")
                .child(XmlElement.builder("origin-id", MucXml.STANZA_ID).attribute("id", "o1").build())
                .child(MucXml.occupantId("alice-oid")).build();
    }

    @Test
    void theAuthorsMessageBecomesATombstoneNamedByTheRetractionsMessageId() {
        XmlElement tombstone = AuthorRetraction.tombstone(original(), "alice-oid", "retraction-1", AT).tombstone();

        assertThat(tombstone.toString()).doesNotContain("wrong room");
        assertThat(tombstone.attribute("from")).isEqualTo("room@conference.example/alice");
        assertThat(tombstone.attribute("id")).isEqualTo("m1");
        assertThat(tombstone.child("occupant-id", MucXml.OCCUPANT_ID).orElseThrow().attribute("id"))
                .isEqualTo("alice-oid");
        assertThat(tombstone.child("origin-id", MucXml.STANZA_ID)).isPresent();
        XmlElement retracted = tombstone.child("retracted", MucXml.RETRACT).orElseThrow();
        assertThat(retracted.attribute("id")).isEqualTo("retraction-1");
        assertThat(retracted.attribute("stamp")).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(retracted.elements()).as("no <moderated/>: the author retracted it").isEmpty();
    }

    @Test
    void anotherOccupantsMessageIsForbidden() {
        assertThat(AuthorRetraction.tombstone(original(), "mallory-oid", "r", AT))
                .isEqualTo(RoomArchive.Replacement.refused(StanzaErrorCondition.FORBIDDEN));
        XmlElement notice = XmlElement.builder("message", MucXml.CLIENT).attribute("from", "room@conference.example")
                .attribute("type", "groupchat").child(XmlElement.builder("retract", MucXml.RETRACT)
                        .attribute("id", "x").child(MODERATED).build()).build();
        assertThat(AuthorRetraction.tombstone(notice, "mod-oid", "r", AT)).as("a moderation notice is the room's")
                .isEqualTo(RoomArchive.Replacement.refused(StanzaErrorCondition.FORBIDDEN));
    }

    @Test
    void subjectsAndModeratedMessagesAreNotRetractedButTheAuthorsOwnTombstoneIsAgain() {
        XmlElement subject = XmlElement.builder("message", MucXml.CLIENT).attribute("type", "groupchat")
                .textChild("subject", "news").child(MucXml.occupantId("alice-oid")).build();
        XmlElement moderated = RoomModeration.tombstone(original(), MODERATED, "spam", "n1", AT).tombstone();
        XmlElement own = AuthorRetraction.tombstone(original(), "alice-oid", "r1", AT).tombstone();

        assertThat(AuthorRetraction.tombstone(subject, "alice-oid", "r", AT))
                .isEqualTo(RoomArchive.Replacement.refused(StanzaErrorCondition.BAD_REQUEST));
        assertThat(AuthorRetraction.tombstone(moderated, "alice-oid", "r", AT)).as("the moderation record stays")
                .isEqualTo(RoomArchive.Replacement.refused(StanzaErrorCondition.BAD_REQUEST));
        assertThat(AuthorRetraction.tombstone(own, "alice-oid", "r2", AT).tombstone()
                .elements("retracted", MucXml.RETRACT)).singleElement()
                .satisfies(r -> assertThat(r.attribute("id")).isEqualTo("r2"));
    }
}
