package dev.parley.xmpp.error;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;
import java.util.Locale;
import java.util.Objects;

/**
 * A stanza error (RFC 6120 §8.3): the {@code <error/>} child of a stanza of type {@code error}.
 *
 * @param type what the sender should do about it (§8.3.2)
 * @param condition the defined condition (§8.3.3)
 * @param text human-readable detail for the {@code <text/>} child, or null; never a message body or a password
 * @param applicationCondition an application-specific condition element (§8.3.4), qualified by an application
 *        namespace, or null
 */
public record StanzaError(Type type, StanzaErrorCondition condition, String text, XmlElement applicationCondition) {
    private static final String TEXT_LANGUAGE = "en";

    /** The error types of RFC 6120 §8.3.2. */
    public enum Type {
        /** Retry after providing credentials. */
        AUTH,
        /** Do not retry: the error cannot be remedied. */
        CANCEL,
        /** Proceed: the condition was only a warning. */
        CONTINUE,
        /** Retry after changing the data sent. */
        MODIFY,
        /** Retry after waiting: the error is temporary. */
        WAIT;

        /** The attribute value on the wire, e.g. {@code cancel}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type with this attribute value, or null when the value is not one of the five. */
        public static Type fromValue(String value) {
            for (Type type : values()) {
                if (type.value().equals(value)) {
                    return type;
                }
            }
            return null;
        }
    }

    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        if (applicationCondition != null && applicationCondition.namespace().equals(Namespaces.STANZAS)) {
            throw new IllegalArgumentException("an application-specific condition needs its own namespace");
        }
    }

    public StanzaError(Type type, StanzaErrorCondition condition, String text) {
        this(type, condition, text, null);
    }

    /** The condition with the type RFC 6120 associates with it, and no text. */
    public static StanzaError of(StanzaErrorCondition condition) {
        return new StanzaError(condition.defaultType(), condition, null, null);
    }

    /** The condition with the type RFC 6120 associates with it. */
    public static StanzaError of(StanzaErrorCondition condition, String text) {
        return new StanzaError(condition.defaultType(), condition, text, null);
    }

    /** This error with an application-specific condition element added (RFC 6120 §8.3.4). */
    public StanzaError withApplicationCondition(XmlElement element) {
        return new StanzaError(type, condition, text, element);
    }

    /**
     * The {@code <error/>} element, in the stanza's content namespace, holding the condition, the text (marked as
     * English) and the application-specific condition, in the order RFC 6120 §8.3.2 gives.
     *
     * @param contentNamespace {@code jabber:client} or {@code jabber:server}, whichever the stanza is qualified by
     */
    public XmlElement toElement(String contentNamespace) {
        XmlElement.Builder error = XmlElement.builder("error", contentNamespace)
                .attribute("type", type.value())
                .child(XmlElement.empty(condition.elementName(), Namespaces.STANZAS));
        if (text != null && !text.isEmpty()) {
            error.child(XmlElement.builder("text", Namespaces.STANZAS)
                    .attribute("xml:lang", TEXT_LANGUAGE)
                    .text(text)
                    .build());
        }
        if (applicationCondition != null) {
            error.child(applicationCondition);
        }
        return error.build();
    }

    /**
     * Reads an {@code <error/>} element as received. A missing or unknown type falls back to the condition's
     * default; an unknown or missing condition is {@link StanzaErrorCondition#UNDEFINED_CONDITION} (RFC 6120 §8.3.3).
     */
    public static StanzaError fromElement(XmlElement error) {
        StanzaErrorCondition condition = error.elements()
                .filter(e -> e.namespace().equals(Namespaces.STANZAS) && !e.name().equals("text"))
                .findFirst()
                .map(e -> StanzaErrorCondition.fromElementName(e.name()))
                .orElse(StanzaErrorCondition.UNDEFINED_CONDITION);
        Type type = Type.fromValue(error.attribute("type"));
        String text = error.childText("text", Namespaces.STANZAS).orElse(null);
        XmlElement application = error.elements()
                .filter(e -> !e.namespace().equals(Namespaces.STANZAS))
                .findFirst()
                .orElse(null);
        return new StanzaError(type == null ? condition.defaultType() : type, condition, text, application);
    }
}
