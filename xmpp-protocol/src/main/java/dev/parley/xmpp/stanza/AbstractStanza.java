package dev.parley.xmpp.stanza;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Objects;

/** What the three stanza kinds share: the element and its parsed addresses. */
abstract sealed class AbstractStanza permits Message, Presence, Iq {
    private final XmlElement element;
    private final Jid to;
    private final Jid from;

    AbstractStanza(XmlElement element, Jid to, Jid from) {
        this.element = element;
        this.to = to;
        this.from = from;
    }

    /** The same kind of view over an element whose only change is its 'to' or 'from'. */
    abstract Stanza readdressed(XmlElement element, Jid to, Jid from);

    public XmlElement element() {
        return element;
    }

    public Jid to() {
        return to;
    }

    public Jid from() {
        return from;
    }

    public String id() {
        return element.attribute("id");
    }

    public String typeAttribute() {
        return element.attribute("type");
    }

    public StanzaError error() {
        if (!"error".equals(typeAttribute())) {
            return null;
        }
        return element.child("error", element.namespace()).map(StanzaError::fromElement).orElse(null);
    }

    public Stanza withFrom(Jid from) {
        return readdressed(element.withAttribute("from", from == null ? null : from.toString()), to, from);
    }

    public Stanza withTo(Jid to) {
        return readdressed(element.withAttribute("to", to == null ? null : to.toString()), to, from);
    }

    public Stanza withElement(XmlElement element) {
        try {
            return StanzaReader.read(element, this);
        } catch (StanzaException e) {
            throw new IllegalArgumentException("not a valid stanza: " + e.getMessage(), e);
        }
    }

    public Stanza withElement(XmlElement element, Jid to) {
        Objects.requireNonNull(to, "to");
        try {
            return StanzaReader.readAddressed(element.withAttribute("to", to.toString()), to, this);
        } catch (StanzaException e) {
            throw new IllegalArgumentException("not a valid stanza: " + e.getMessage(), e);
        }
    }

    public XmlElement errorReply(StanzaError error) {
        if ("error".equals(typeAttribute())) {
            throw new IllegalStateException("an error stanza must not be answered with an error (RFC 6120 §8.3.1)");
        }
        return StanzaReader.errorReply(element, from, to, error);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbstractStanza other && getClass() == other.getClass() && element.equals(other.element);
    }

    @Override
    public int hashCode() {
        return element.hashCode();
    }

    /** Kind, type and addresses only: stanzas end up in logs, and their content (message bodies) must not. */
    @Override
    public String toString() {
        return element.name() + "[type=" + typeAttribute() + ", id=" + id() + ", from=" + from + ", to=" + to + "]";
    }
}
