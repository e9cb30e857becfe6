package dev.parley.server.carbons;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Set;

/**
 * Which messages are copied: the rules of XEP-0280 §6.1 ("Messages Eligible for Carbons Delivery"), with the opt-outs
 * of §9 and XEP-0334.
 *
 * <p>Never copied: a message with {@code <private xmlns='urn:xmpp:carbons:2'/>} (§9: neither the sending nor the
 * receiving server copies it) or the {@code <no-copy/>} hint (XEP-0334 "No copies", which §9 names too); a message
 * that itself carries a carbon wrapper (only the server makes those, and copying one would nest copies); type
 * groupchat; a private message from a MUC participant, recognised by the muc#user {@code <x/>} on a message from a
 * full JID that is not an invitation (the room already sends it to each of the user's joined clients).
 *
 * <p>Copied otherwise when one holds: type chat; type normal with a {@code <body/>}; an IM payload (receipts XEP-0184,
 * chat states XEP-0085, markers XEP-0333); an invitation to a room, direct (XEP-0249) or mediated (XEP-0045 §7.8.2);
 * a private message a user sends to a room participant (muc#user {@code <x/>} to a full JID; copied only to the
 * clients joined to that room, see {@link MessageCarbons#copySent}). A message of type error
 * is copied when it answers an eligible message. Parley does not remember what its users sent, and a bounce need not
 * carry the original (RFC 6120 §8.3.1, as XEP-0280 §10.3 recalls), so an error counts as answering an eligible message
 * when it echoes a body or an IM payload, and is not copied when it echoes neither.
 */
final class CarbonEligibility {
    private static final String HINTS = "urn:xmpp:hints";
    private static final String RECEIPTS = "urn:xmpp:receipts";
    private static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    private static final String MARKERS = "urn:xmpp:chat-markers:0";
    private static final String DIRECT_INVITATION = "jabber:x:conference";
    private static final Set<String> IM_PAYLOADS = Set.of(RECEIPTS, CHAT_STATES, MARKERS);

    private CarbonEligibility() {
    }

    /** Whether {@code message} is copied to the account's other carbons-enabled clients when it goes {@code direction}. */
    static boolean eligible(Message message, CarbonDirection direction) {
        XmlElement element = message.element();
        if (optedOut(element) || CarbonCopies.carriesWrapper(element) || message.type() == Message.Type.GROUPCHAT) {
            return false;
        }
        XmlElement mucUser = element.child("x", Namespaces.MUC_USER).orElse(null);
        boolean invitation = element.child("x", DIRECT_INVITATION).isPresent()
                || mucUser != null && mucUser.child("invite", Namespaces.MUC_USER).isPresent();
        if (invitation) {
            return true;
        }
        if (mucUser != null) {
            // A private message in a room: copied when the user sends it, not when a participant sends it to the user.
            if (direction == CarbonDirection.SENT && toRoomOccupant(message)) {
                return true;
            }
            if (direction == CarbonDirection.RECEIVED && hasResource(message.from())) {
                return false;
            }
        }
        return imContent(message);
    }

    private static boolean imContent(Message message) {
        return switch (message.type()) {
            case CHAT -> true;
            case NORMAL, ERROR -> message.body() != null || hasImPayload(message.element());
            case HEADLINE -> hasImPayload(message.element());
            case GROUPCHAT -> false;
        };
    }

    /**
     * A private message to a room occupant (muc#user {@code <x/>} to a full JID, not an invitation): its sent copies
     * go only to the clients joined to that room (§6.1, note on multi-session nicks).
     */
    static boolean toRoomOccupant(Message message) {
        XmlElement mucUser = message.element().child("x", Namespaces.MUC_USER).orElse(null);
        return mucUser != null && mucUser.child("invite", Namespaces.MUC_USER).isEmpty() && hasResource(message.to());
    }

    /** The sender asked for no copies (XEP-0280 §9, XEP-0334 {@code <no-copy/>}). */
    private static boolean optedOut(XmlElement message) {
        return message.child("private", MessageCarbons.NAMESPACE).isPresent()
                || message.child("no-copy", HINTS).isPresent();
    }

    private static boolean hasImPayload(XmlElement message) {
        return message.elements().anyMatch(child -> IM_PAYLOADS.contains(child.namespace()));
    }

    private static boolean hasResource(Jid jid) {
        return jid != null && jid.resource() != null;
    }
}
