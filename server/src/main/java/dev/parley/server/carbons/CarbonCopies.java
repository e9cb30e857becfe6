package dev.parley.server.carbons;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;

/**
 * The carbon copy of a message (XEP-0280 §7 and §8): a message from the account's bare JID to the full JID of the
 * client receiving the copy, of the original's type, holding {@code <sent/>} or {@code <received/>} around a
 * XEP-0297 {@code <forwarded/>} around the original, unchanged (the original element is shared, not copied).
 */
final class CarbonCopies {
    /** Stanza Forwarding (XEP-0297). */
    static final String FORWARD = "urn:xmpp:forward:0";

    private CarbonCopies() {
    }

    /** The copy of {@code original} for the client bound to {@code recipient}, an address of the account. */
    static Message wrap(CarbonDirection direction, Message original, Jid recipient) {
        XmlElement forwarded = XmlElement.builder("forwarded", FORWARD).child(original.element()).build();
        XmlElement copy = XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", recipient.bare().toString())
                .attribute("to", recipient.toString())
                .attribute("type", original.typeAttribute())
                .child(XmlElement.builder(direction.wrapper(), MessageCarbons.NAMESPACE).child(forwarded).build())
                .build();
        return (Message) original.withElement(copy);
    }

    /**
     * Whether the message holds a {@code <sent/>} or {@code <received/>} carbon wrapper. Only a server makes those,
     * for its own users: one a client sends is a forgery (XEP-0280 §11 and CVE-2017-5589's "carbon impersonation").
     */
    static boolean carriesWrapper(XmlElement message) {
        for (CarbonDirection direction : CarbonDirection.values()) {
            if (message.child(direction.wrapper(), MessageCarbons.NAMESPACE).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
