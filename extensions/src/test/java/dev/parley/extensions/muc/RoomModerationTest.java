package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0425 §4 tombstones: what of a moderated message stays in the archive. */
class RoomModerationTest {
    private static final Instant AT = Instant.parse("2024-05-06T07:08:09Z");
    private static final XmlElement MODERATED = XmlElement.builder("moderated", MucXml.MODERATE)
            .attribute("by", "room@conference.example/mod").child(MucXml.occupantId("mod-oid")).build();

    private static XmlElement original() {
        return XmlElement.builder("message", MucXml.CLIENT).attribute("from", "room@conference.example/spammer")
                .attribute("type", "groupchat").attribute("id", "m1").textChild("body", "buy potions")
                .child(XmlElement.builder("html", "http://jabber.org/protocol/xhtml-im").text("potions").build())
                .child(XmlElement.builder("origin-id", MucXml.STANZA_ID).attribute("id", "o1").build())
                .child(MucXml.occupantId("spammer-oid")).build();
    }

    @Test
    void contentIsReplacedByRetractedKeepingWhatIdentifiesTheMessage() {
        XmlElement tombstone = RoomModeration.tombstone(original(), MODERATED, "spam", "notice-1", AT).tombstone();

        assertThat(tombstone.toString()).doesNotContain("potions");
        assertThat(tombstone.attribute("from")).isEqualTo("room@conference.example/spammer");
        assertThat(tombstone.attribute("id")).isEqualTo("m1");
        assertThat(tombstone.child("occupant-id", MucXml.OCCUPANT_ID).orElseThrow().attribute("id"))
                .isEqualTo("spammer-oid");
        assertThat(tombstone.child("origin-id", MucXml.STANZA_ID)).isPresent();
        XmlElement retracted = tombstone.child("retracted", MucXml.RETRACT).orElseThrow();
        assertThat(retracted.attribute("id")).as("XEP-0424 §4: the retraction's message id").isEqualTo("notice-1");
        assertThat(retracted.attribute("stamp")).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(retracted.child("moderated", MucXml.MODERATE)).contains(MODERATED);
        assertThat(retracted.childText("reason", MucXml.RETRACT)).contains("spam");
    }

    @Test
    void aTombstoneMayBeModeratedAgainButSubjectsAndNoticesAreNotRetractable() {
        XmlElement once = RoomModeration.tombstone(original(), MODERATED, null, "n1", AT).tombstone();
        XmlElement twice = RoomModeration.tombstone(once, MODERATED, null, "n2", AT).tombstone();
        XmlElement subject = XmlElement.builder("message", MucXml.CLIENT).attribute("type", "groupchat")
                .textChild("subject", "news").build();

        assertThat(twice.elements("retracted", MucXml.RETRACT)).singleElement()
                .satisfies(r -> assertThat(r.attribute("id")).isEqualTo("n2"));
        assertThat(twice.child("retracted", MucXml.RETRACT).orElseThrow().child("reason", MucXml.RETRACT)).isEmpty();
        assertThat(RoomModeration.tombstone(subject, MODERATED, null, "n3", AT))
                .isEqualTo(RoomArchive.Replacement.refused(StanzaErrorCondition.BAD_REQUEST));
    }
}
