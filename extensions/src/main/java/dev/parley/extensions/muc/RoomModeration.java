package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * XEP-0425 Moderated Message Retraction (0.3.0, {@code urn:xmpp:message-moderate:1} with XEP-0424's
 * {@code urn:xmpp:message-retract:1}): a moderator asks the room to retract an occupant's message by its stanza id
 * (§3). The room replaces the archived message by a tombstone (§4), archives and sends every occupant the retraction
 * notice from the room's bare JID (§3.1; XEP-0424 §5 keeps retractions in the archive), then answers the IQ. A
 * refused request ({@code forbidden}, {@code item-not-found}, {@code bad-request}) changes nothing. History on entry
 * comes from the archive, so newcomers see the tombstone, never the message.
 */
final class RoomModeration {
    private RoomModeration() {
    }

    /** An IQ whose payload is in the moderate namespace, sent to the room's bare JID. */
    static void handle(Room room, Iq iq, Outbox out, RoomArchive archive) {
        XmlElement moderate = iq.payload();
        String id = moderate.attribute("id");
        if (iq.type() != Iq.Type.SET || !moderate.name().equals("moderate") || id == null || id.isBlank()
                || moderate.child("retract", MucXml.RETRACT).isEmpty()) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST,
                    "Expected <moderate id='stanza-id'><retract xmlns='" + MucXml.RETRACT + "'/></moderate>")));
            return;
        }
        Occupant moderator = room.occupantBySession(iq.from());
        Role role = moderator == null ? Role.NONE : moderator.role();
        if (!Permissions.allows(Permissions.Action.MODERATE_MESSAGE, role, room.affiliation(iq.from()),
                room.config())) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.FORBIDDEN,
                    "Only moderators may retract other occupants' messages")));
            return;
        }
        String reason = moderate.childText("reason", MucXml.MODERATE).orElse(null);
        // §3.1 and §4: by the moderator's occupant JID and occupant id, never its real JID (semi-anonymous rooms).
        XmlElement moderated = XmlElement.builder("moderated", MucXml.MODERATE)
                .attribute("by", room.occupantJid(moderator.nick()).toString())
                .child(MucXml.occupantId(moderator.occupantId())).build();
        XmlElement notice = notice(room.jid(), id, moderated, reason);
        Instant now = Instant.now();
        CompletionStage<RoomArchive.Retraction> done = archive.retract(room.jid(), id,
                original -> tombstone(original, moderated, reason, notice.attribute("id"), now), room.jid(), notice);
        Tombstones.announce(room, out, done, notice);
        out.addLater(done.handle((retraction, failure) -> {
            if (failure != null) {
                return iq.errorReply(RoomArchive.appendFailure(failure));
            }
            return retraction.refusal() == null ? iq.result(null)
                    : iq.errorReply(StanzaError.of(retraction.refusal()));
        }));
    }

    /** §3.1: the retraction every occupant gets, from the room itself, naming the message by its stanza id. */
    private static XmlElement notice(Jid room, String id, XmlElement moderated, String reason) {
        XmlElement.Builder retract = XmlElement.builder("retract", MucXml.RETRACT).attribute("id", id)
                .child(moderated);
        if (reason != null) {
            retract.textChild("reason", reason);
        }
        return XmlElement.builder("message", MucXml.CLIENT).attribute("from", room.toString())
                .attribute("type", "groupchat").attribute("id", UUID.randomUUID().toString())
                .child(retract.build()).build();
    }

    /**
     * §4: the archived message as a tombstone ({@link Tombstones#of}) whose {@code <retracted/>} says which moderator
     * retracted it and why; {@code bad-request} when {@code original} is not an occupant's message with a body (a
     * subject change, a notice). A tombstone may be moderated again: it gets the new retraction.
     */
    static RoomArchive.Replacement tombstone(XmlElement original, XmlElement moderated, String reason,
                                             String noticeId, Instant at) {
        if (!Tombstones.retractable(original)) {
            return RoomArchive.Replacement.refused(StanzaErrorCondition.BAD_REQUEST);
        }
        List<XmlElement> details = new ArrayList<>(List.of(moderated));
        if (reason != null) {
            details.add(XmlElement.builder("reason", MucXml.RETRACT).text(reason).build());
        }
        return RoomArchive.Replacement.by(Tombstones.of(original, noticeId, at, details));
    }
}
