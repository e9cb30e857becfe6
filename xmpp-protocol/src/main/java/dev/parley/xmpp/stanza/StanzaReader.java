package dev.parley.xmpp.stanza;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.jid.JidFormatException;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;

/** Turns stanza elements into typed views and builds error replies (RFC 6120 §8). */
final class StanzaReader {
    private StanzaReader() {
    }

    /**
     * Reads a stanza element.
     *
     * @param previous a view whose parsed addresses may be reused when the attribute values are unchanged, or null
     */
    static Stanza read(XmlElement element, AbstractStanza previous) throws StanzaException {
        requireStanza(element);
        Jid to = address(element, "to", previous == null ? null : previous.element().attribute("to"),
                previous == null ? null : previous.to());
        return typed(element, to, previous);
    }

    /**
     * Reads a stanza element whose 'to' is known to be {@code to}'s string form, without parsing it again.
     *
     * @param previous a view whose parsed 'from' may be reused when the attribute value is unchanged, or null
     */
    static Stanza readAddressed(XmlElement element, Jid to, AbstractStanza previous) throws StanzaException {
        requireStanza(element);
        return typed(element, to, previous);
    }

    private static void requireStanza(XmlElement element) {
        if (!Stanza.isStanza(element)) {
            throw new IllegalArgumentException(
                    "not a stanza: {" + element.namespace() + "}" + element.name());
        }
    }

    private static Stanza typed(XmlElement element, Jid to, AbstractStanza previous) throws StanzaException {
        Jid from = address(element, "from", previous == null ? null : previous.element().attribute("from"),
                previous == null ? null : previous.from());
        return switch (element.name()) {
            case "message" -> new Message(element, to, from);
            case "presence" -> Presence.read(element, to, from);
            default -> Iq.read(element, to, from);
        };
    }

    private static Jid address(XmlElement element, String attribute, String previousValue, Jid previousJid)
            throws StanzaException {
        String value = element.attribute(attribute);
        if (value == null) {
            return null;
        }
        if (value.equals(previousValue)) {
            return previousJid;
        }
        try {
            return Jid.parse(value);
        } catch (JidFormatException e) {
            throw new StanzaException(StanzaErrorCondition.JID_MALFORMED,
                    "malformed '" + attribute + "' address: " + e.getMessage());
        }
    }

    /** A {@code bad-request} exception with this text, for faults in a stanza's structure. */
    static StanzaException badRequest(String text) {
        return new StanzaException(StanzaErrorCondition.BAD_REQUEST, text);
    }

    /**
     * Builds the error reply of RFC 6120 §8.3.1. Character data directly inside the original stanza carries no
     * meaning and is dropped, as is any {@code <error/>} it wrongly carried, so that the reply holds exactly one.
     */
    static XmlElement errorReply(XmlElement original, Jid replyTo, Jid replyFrom, StanzaError error) {
        String namespace = original.namespace();
        return XmlElement.builder(original.name(), namespace)
                .attribute("to", replyTo == null ? null : replyTo.toString())
                .attribute("from", replyFrom == null ? null : replyFrom.toString())
                .attribute("id", original.attribute("id"))
                .attribute("type", "error")
                .children(original.withoutChildren(node -> node instanceof XmlText
                        || (node instanceof XmlElement e && e.is("error", namespace))).children())
                .child(error.toElement(namespace))
                .build();
    }
}
