package dev.parley.xmpp.stanza;

import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import java.util.Locale;

/**
 * An {@code <iq/>} stanza (RFC 6120 §8.2.3). Reading one enforces that section's rules: an 'id' and a known 'type'
 * are required, a get or set carries exactly one child element, a result at most one; a violation is a
 * {@code bad-request}. Error IQs are not checked beyond their type, as they cannot be answered.
 */
public final class Iq extends AbstractStanza implements Stanza {

    /** The IQ types of RFC 6120 §8.2.3. */
    public enum Type {
        GET, SET, RESULT, ERROR;

        /** The attribute value on the wire, e.g. {@code result}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Type type;
    private final XmlElement payload;

    private Iq(XmlElement element, Jid to, Jid from, Type type, XmlElement payload) {
        super(element, to, from);
        this.type = type;
        this.payload = payload;
    }

    static Iq read(XmlElement element, Jid to, Jid from) throws StanzaException {
        Type type = type(element.attribute("type"));
        String ns = element.namespace();
        if (type == Type.ERROR) {
            XmlElement echoed = element.elements().filter(e -> !e.is("error", ns)).findFirst().orElse(null);
            return new Iq(element, to, from, type, echoed);
        }
        if (element.attribute("id") == null) {
            throw StanzaReader.badRequest("IQ without 'id'");
        }
        List<XmlElement> children = element.elements().limit(2).toList();
        if (type != Type.RESULT && children.size() != 1) {
            throw StanzaReader.badRequest("an IQ of type " + type.value() + " must have exactly one child element");
        }
        if (children.size() > 1) {
            throw StanzaReader.badRequest("an IQ of type result must have at most one child element");
        }
        return new Iq(element, to, from, type, children.isEmpty() ? null : children.get(0));
    }

    private static Type type(String value) throws StanzaException {
        if (value == null) {
            throw StanzaReader.badRequest("IQ without 'type'");
        }
        for (Type type : Type.values()) {
            if (type.value().equals(value)) {
                return type;
            }
        }
        throw StanzaReader.badRequest("unknown IQ type");
    }

    @Override
    Iq readdressed(XmlElement element, Jid to, Jid from) {
        return new Iq(element, to, from, type, payload);
    }

    public Type type() {
        return type;
    }

    /**
     * The child element: the request of a get or set, the answer of a result, or, in an error, the request the
     * responder echoed. Null when there is none.
     */
    public XmlElement payload() {
        return payload;
    }

    /** True for get and set, which must be answered with a result or an error. */
    public boolean isRequest() {
        return type == Type.GET || type == Type.SET;
    }

    /**
     * The result answering this request (RFC 6120 §8.2.3): same 'id', 'to' the requester, 'from' whom it was
     * addressed to (each left out when the request lacked its counterpart).
     *
     * @param payload the answer's child element, or null for an empty result
     * @throws IllegalStateException when this IQ is not a get or set
     */
    public XmlElement result(XmlElement payload) {
        if (!isRequest()) {
            throw new IllegalStateException("only a get or set IQ can be answered with a result");
        }
        XmlElement.Builder result = XmlElement.builder("iq", element().namespace())
                .attribute("to", from() == null ? null : from().toString())
                .attribute("from", to() == null ? null : to().toString())
                .attribute("id", id())
                .attribute("type", Type.RESULT.value());
        if (payload != null) {
            result.child(payload);
        }
        return result.build();
    }

    @Override
    public Iq withFrom(Jid from) {
        return (Iq) super.withFrom(from);
    }

    @Override
    public Iq withTo(Jid to) {
        return (Iq) super.withTo(to);
    }
}
