package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a retraction by the author (XEP-0424 0.4.2, {@link AuthorRetraction}) and one by a moderator (XEP-0425 0.3.0,
 * {@link RoomModeration}) share: the tombstone that takes the archived message's place (XEP-0424 §4 "Tombstones",
 * XEP-0425 §4) and the retraction every occupant is sent once it is archived (XEP-0424 §5: the retraction MUST be
 * stored too).
 */
final class Tombstones {
    private Tombstones() {
    }

    /**
     * Whether {@code archived} is an occupant's message with a body or a tombstone of one; subject changes and
     * body-less retractions are not to be retracted.
     */
    static boolean retractable(XmlElement archived) {
        return archived.child("body", MucXml.CLIENT).isPresent() || isTombstone(archived);
    }

    static boolean isTombstone(XmlElement archived) {
        return archived.child("retracted", MucXml.RETRACT).isPresent();
    }

    /** Whether {@code archived} is the tombstone of a message a moderator retracted (XEP-0425 §4). */
    static boolean moderated(XmlElement archived) {
        return archived.child("retracted", MucXml.RETRACT)
                .flatMap(retracted -> retracted.child("moderated", MucXml.MODERATE)).isPresent();
    }

    /** Whether the room stamped {@code archived} with the XEP-0421 occupant id {@code occupantId}: its author's. */
    static boolean authoredBy(XmlElement archived, String occupantId) {
        return archived.child("occupant-id", MucXml.OCCUPANT_ID)
                .map(id -> occupantId.equals(id.attribute("id"))).orElse(false);
    }

    /**
     * XEP-0424 §4: {@code original} with its content replaced by {@code <retracted id stamp/>}, keeping only what
     * identifies it (its attributes, the author's occupant id, its origin id). {@code id} is the 'id' of the
     * retraction's {@code <message/>}, so that clients match the tombstone to the archived retraction; {@code details}
     * go inside (XEP-0425's {@code <moderated/>} and {@code <reason/>}). A tombstone retracted again gets only the new
     * {@code <retracted/>}.
     */
    static XmlElement of(XmlElement original, String id, Instant at, List<XmlElement> details) {
        List<XmlElement> kept = new ArrayList<>(original.elements()
                .filter(c -> c.is("occupant-id", MucXml.OCCUPANT_ID) || c.is("origin-id", MucXml.STANZA_ID))
                .toList());
        kept.add(XmlElement.builder("retracted", MucXml.RETRACT).attribute("id", id).attribute("stamp", at.toString())
                .children(details).build());
        return original.withChildren(kept);
    }

    /**
     * Sends {@code notice} to every occupant's sessions with the stanza id it got in the archive, in the room's order,
     * once the retraction is done; nothing when it was refused or failed.
     */
    static void announce(Room room, Outbox out, CompletionStage<RoomArchive.Retraction> done, XmlElement notice) {
        CompletionStage<XmlElement> sent = done.thenApply(retraction -> retraction.refusal() != null ? null
                : notice.withChild(MucXml.stanzaId(retraction.noticeId(), room.jid())));
        for (Occupant recipient : room.occupants()) {
            for (Jid session : recipient.sessions()) {
                out.addLater(sent, session);
            }
        }
    }
}
