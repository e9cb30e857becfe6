package dev.parley.xmpp.stanza;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.Locale;

/** A {@code <message/>} stanza (RFC 6120 §8.2.1, RFC 6121 §5). */
public final class Message extends AbstractStanza implements Stanza {

    /** The message types of RFC 6121 §5.2.2. */
    public enum Type {
        NORMAL, CHAT, GROUPCHAT, HEADLINE, ERROR;

        /** The attribute value on the wire, e.g. {@code groupchat}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** RFC 6121 §5.2.2: a missing or unknown type means {@code normal}. */
        static Type fromAttribute(String value) {
            if (value != null) {
                for (Type type : values()) {
                    if (type.value().equals(value)) {
                        return type;
                    }
                }
            }
            return NORMAL;
        }
    }

    private final Type type;

    Message(XmlElement element, Jid to, Jid from) {
        super(element, to, from);
        this.type = Type.fromAttribute(element.attribute("type"));
    }

    @Override
    Message readdressed(XmlElement element, Jid to, Jid from) {
        return new Message(element, to, from);
    }

    public Type type() {
        return type;
    }

    /** The text of the first {@code <body/>} (RFC 6121 §5.2.3), or null when there is none. */
    public String body() {
        return childText("body");
    }

    /** The text of the first {@code <subject/>} (RFC 6121 §5.2.4), or null when there is none. */
    public String subject() {
        return childText("subject");
    }

    /** The {@code <thread/>} identifier (RFC 6121 §5.2.5), or null when there is none. */
    public String thread() {
        return childText("thread");
    }

    @Override
    public Message withFrom(Jid from) {
        return (Message) super.withFrom(from);
    }

    @Override
    public Message withTo(Jid to) {
        return (Message) super.withTo(to);
    }

    private String childText(String name) {
        return element().childText(name, element().namespace()).orElse(null);
    }
}
