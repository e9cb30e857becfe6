package dev.parley.xmpp.stanza;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.Optional;

/**
 * A typed, immutable view of an XML stanza (RFC 6120 §8): {@code <message/>}, {@code <presence/>} or {@code <iq/>}
 * qualified by {@code jabber:client} or {@code jabber:server}. The addresses are parsed once, when the view is made;
 * the element is kept as it is, so forwarding a stanza never re-serialises what the server did not change.
 */
public sealed interface Stanza permits Message, Presence, Iq {

    /** The stanza element, in its content namespace. */
    XmlElement element();

    /** The intended recipient (RFC 6120 §8.1.1), or null when the stanza has no 'to'. */
    Jid to();

    /** The sender (RFC 6120 §8.1.2), or null when the stanza has no 'from'. */
    Jid from();

    /** The 'id' attribute (RFC 6120 §8.1.3), or null. */
    String id();

    /** The 'type' attribute as sent (RFC 6120 §8.1.4), or null. */
    String typeAttribute();

    /** True for a stanza of type {@code error}, which must never be answered with another error (RFC 6120 §8.3.1). */
    default boolean isError() {
        return "error".equals(typeAttribute());
    }

    /** The stanza's {@code <error/>} when it is an error stanza, otherwise null. */
    StanzaError error();

    /** The same stanza with another 'from' (null removes it); the children are shared, not copied. */
    Stanza withFrom(Jid from);

    /** The same stanza with another 'to' (null removes it); the children are shared, not copied. */
    Stanza withTo(Jid to);

    /**
     * A view of another element, typed by that element's name; addresses that did not change are not parsed again.
     *
     * @throws IllegalArgumentException when the element is not a valid stanza: callers pass elements they built
     */
    Stanza withElement(XmlElement element);

    /**
     * A view of {@code element} addressed to {@code to}, typed by the element's name: its 'to' attribute is set to
     * {@code to}'s string form, which is not parsed again, and a 'from' that did not change is not parsed again
     * either. For a sender that already holds its recipients as JIDs (a room's copies of one stanza).
     *
     * @throws IllegalArgumentException when the element is not a valid stanza: callers pass elements they built
     */
    Stanza withElement(XmlElement element, Jid to);

    /**
     * The error stanza answering this one (RFC 6120 §8.3.1): same kind and 'id', type {@code error}, 'to' and 'from'
     * swapped (each left out when the original lacked its counterpart), the original children kept so that the
     * sender can see what failed, and the {@code <error/>} appended.
     *
     * @throws IllegalStateException when this stanza is itself an error, which must not be answered
     */
    XmlElement errorReply(StanzaError error);

    /**
     * The typed view of a stanza element.
     *
     * @throws StanzaException {@code jid-malformed} for an invalid 'to' or 'from'; {@code bad-request} for
     *         structural faults of the kind (see {@link Presence}, {@link Iq}). When the element's type is
     *         {@code error}, only address faults are reported, and the caller must not answer them.
     * @throws IllegalArgumentException when {@link #isStanza(XmlElement)} is false; the stream layer answers such
     *         elements with the stream error {@code unsupported-stanza-type}
     */
    static Stanza of(XmlElement element) throws StanzaException {
        return StanzaReader.read(element, null);
    }

    /** True for message, presence and iq elements in {@code jabber:client} or {@code jabber:server}. */
    static boolean isStanza(XmlElement element) {
        String ns = element.namespace();
        if (!ns.equals(Namespaces.CLIENT) && !ns.equals(Namespaces.SERVER)) {
            return false;
        }
        String name = element.name();
        return name.equals("message") || name.equals("presence") || name.equals("iq");
    }

    /**
     * The error reply to a stanza element that could not be turned into a view, typically because
     * {@link #of(XmlElement)} threw. Addresses that are not valid JIDs are left out of the reply.
     *
     * @return the reply, or empty when the element is itself an error stanza (RFC 6120 §8.3.1)
     * @throws IllegalArgumentException when {@link #isStanza(XmlElement)} is false
     */
    static Optional<XmlElement> errorReplyFor(XmlElement original, StanzaError error) {
        if (!isStanza(original)) {
            throw new IllegalArgumentException("not a stanza: " + original.name());
        }
        if ("error".equals(original.attribute("type"))) {
            return Optional.empty();
        }
        Jid replyTo = Jid.tryParse(original.attribute("from")).orElse(null);
        Jid replyFrom = Jid.tryParse(original.attribute("to")).orElse(null);
        return Optional.of(StanzaReader.errorReply(original, replyTo, replyFrom, error));
    }
}
