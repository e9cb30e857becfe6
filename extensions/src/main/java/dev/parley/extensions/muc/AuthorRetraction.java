package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * XEP-0424 Message Retraction (0.4.2) by the author, in a room: a groupchat message carrying {@code <retract
 * id='stanza-id' xmlns='urn:xmpp:message-retract:1'/>}, where the id is the XEP-0359 stanza id the room gave the
 * message (§3, §6.1 "Using the correct ID"). §6 lets a retraction be processed only when it comes from the author of
 * the message; the room knows the author by the XEP-0421 occupant id it stamped on the archived message, which is
 * derived from the real bare JID, so a nickname change does not matter and nobody else can pass for the author. Then,
 * in the room archive's turn, the message becomes a tombstone (§4, {@link Tombstones}) whose {@code <retracted/>}
 * carries the retraction's message id, and the retraction is archived (§5: it MUST be stored) and sent to every
 * occupant with its own stanza id.
 *
 * <p>XEP-0424 names no error for a retraction a service will not process; it is answered with the conditions XEP-0425
 * uses for the same refusals and goes to nobody else: an id the archive does not hold {@code item-not-found}; another
 * occupant's message {@code forbidden}; no retraction id, no message id to name the tombstone by (§4), or a message
 * that is not one to retract (a subject change, a message a moderator already retracted) {@code bad-request}.
 */
final class AuthorRetraction {
    private AuthorRetraction() {
    }

    /**
     * Handles {@code message}, an occupant's groupchat message with a {@code <retract/>}, which the room would send as
     * {@code reflected} (from the author's occupant JID, with its occupant id).
     */
    static void handle(Room room, Occupant author, Message message, XmlElement reflected, Outbox out,
                       RoomArchive archive) {
        String id = message.element().child("retract", MucXml.RETRACT).orElseThrow().attribute("id");
        if (id == null || id.isBlank() || message.id() == null || message.id().isBlank()) {
            out.add(message.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST,
                    "Expected <message id='...'><retract id='stanza-id' xmlns='" + MucXml.RETRACT + "'/></message>")));
            return;
        }
        // Only the id goes out: a <moderated/> inside would pass the author off as a moderator (XEP-0425 §3.1).
        XmlElement notice = reflected.withoutChildren(AuthorRetraction::isRetract)
                .withChild(XmlElement.builder("retract", MucXml.RETRACT).attribute("id", id).build());
        Instant now = Instant.now();
        CompletionStage<RoomArchive.Retraction> done = archive.retract(room.jid(), id,
                original -> tombstone(original, author.occupantId(), message.id(), now),
                room.occupantJid(author.nick()), notice);
        Tombstones.announce(room, out, done, notice);
        out.addLater(done.handle((retraction, failure) -> {
            if (failure != null) {
                return message.errorReply(RoomArchive.appendFailure(failure));
            }
            return retraction.refusal() == null ? null : message.errorReply(StanzaError.of(retraction.refusal()));
        }));
    }

    /**
     * The tombstone of {@code original} if the occupant with {@code occupantId} wrote it; a tombstone of the author's
     * own retraction may be retracted again (so a retraction whose archiving failed can be sent again), one a
     * moderator made stays as it is.
     */
    static RoomArchive.Replacement tombstone(XmlElement original, String occupantId, String retractionId,
                                             Instant at) {
        if (!Tombstones.authoredBy(original, occupantId)) {
            return RoomArchive.Replacement.refused(StanzaErrorCondition.FORBIDDEN);
        }
        if (!Tombstones.retractable(original) || Tombstones.moderated(original)) {
            return RoomArchive.Replacement.refused(StanzaErrorCondition.BAD_REQUEST);
        }
        return RoomArchive.Replacement.by(Tombstones.of(original, retractionId, at, List.of()));
    }

    private static boolean isRetract(XmlNode node) {
        return node instanceof XmlElement e && e.is("retract", MucXml.RETRACT);
    }
}
