package dev.parley.xmpp.stanza;

import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code <presence/>} stanza (RFC 6120 §8.2.2, RFC 6121 §4.7). Reading one checks the rules of RFC 6121 §4.7:
 * a known type, at most one {@code <show/>} with one of its four values, at most one {@code <priority/>} holding an
 * integer from -128 to 127; a violation is a {@code bad-request}. Error presences are not checked, as they cannot
 * be answered.
 */
public final class Presence extends AbstractStanza implements Stanza {
    private static final Set<String> SHOW_VALUES = Set.of("away", "chat", "dnd", "xa");

    /** The presence types of RFC 6121 §4.7.1; a missing type means {@link #AVAILABLE}. */
    public enum Type {
        AVAILABLE, UNAVAILABLE, SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED, PROBE, ERROR;

        /** The attribute value on the wire, or null for {@link #AVAILABLE}, which has none. */
        public String value() {
            return this == AVAILABLE ? null : name().toLowerCase(Locale.ROOT);
        }
    }

    private final Type type;
    private final int priority;
    private final String show;

    private Presence(XmlElement element, Jid to, Jid from, Type type, int priority, String show) {
        super(element, to, from);
        this.type = type;
        this.priority = priority;
        this.show = show;
    }

    static Presence read(XmlElement element, Jid to, Jid from) throws StanzaException {
        Type type = type(element.attribute("type"));
        if (type == Type.ERROR) {
            return new Presence(element, to, from, type, 0, null);
        }
        String show = single(element, "show");
        if (show != null && !SHOW_VALUES.contains(show)) {
            throw StanzaReader.badRequest("<show/> must be away, chat, dnd or xa");
        }
        String priorityText = single(element, "priority");
        return new Presence(element, to, from, type, priorityText == null ? 0 : priority(priorityText), show);
    }

    @Override
    Presence readdressed(XmlElement element, Jid to, Jid from) {
        return new Presence(element, to, from, type, priority, show);
    }

    public Type type() {
        return type;
    }

    /** The priority (RFC 6121 §4.7.2.3), 0 when absent. */
    public int priority() {
        return priority;
    }

    /** The availability sub-state (RFC 6121 §4.7.2.1): away, chat, dnd, xa, or null for plain available. */
    public String show() {
        return show;
    }

    /** The text of the first {@code <status/>} (RFC 6121 §4.7.2.2), or null. */
    public String status() {
        return element().childText("status", element().namespace()).orElse(null);
    }

    @Override
    public Presence withFrom(Jid from) {
        return (Presence) super.withFrom(from);
    }

    @Override
    public Presence withTo(Jid to) {
        return (Presence) super.withTo(to);
    }

    private static Type type(String value) throws StanzaException {
        if (value == null) {
            return Type.AVAILABLE;
        }
        for (Type type : Type.values()) {
            if (value.equals(type.value())) {
                return type;
            }
        }
        throw StanzaReader.badRequest("unknown presence type");
    }

    private static String single(XmlElement element, String name) throws StanzaException {
        List<XmlElement> found = element.elements(name, element.namespace()).limit(2).toList();
        if (found.size() > 1) {
            throw StanzaReader.badRequest("more than one <" + name + "/>");
        }
        return found.isEmpty() ? null : found.get(0).text().strip();
    }

    private static int priority(String text) throws StanzaException {
        try {
            int value = Integer.parseInt(text);
            if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range value
        }
        throw StanzaReader.badRequest("<priority/> must be an integer from -128 to 127");
    }
}
