package dev.parley.xmpp.error;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError.Type;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The defined stanza error conditions of RFC 6120 §8.3.3, in namespace {@code urn:ietf:params:xml:ns:xmpp-stanzas},
 * each with the error type the RFC associates with it.
 */
public enum StanzaErrorCondition {
    BAD_REQUEST(Type.MODIFY),
    CONFLICT(Type.CANCEL),
    FEATURE_NOT_IMPLEMENTED(Type.CANCEL),
    FORBIDDEN(Type.AUTH),
    GONE(Type.CANCEL),
    INTERNAL_SERVER_ERROR(Type.CANCEL),
    ITEM_NOT_FOUND(Type.CANCEL),
    JID_MALFORMED(Type.MODIFY),
    NOT_ACCEPTABLE(Type.MODIFY),
    NOT_ALLOWED(Type.CANCEL),
    NOT_AUTHORIZED(Type.AUTH),
    POLICY_VIOLATION(Type.MODIFY),
    RECIPIENT_UNAVAILABLE(Type.WAIT),
    REDIRECT(Type.MODIFY),
    REGISTRATION_REQUIRED(Type.AUTH),
    REMOTE_SERVER_NOT_FOUND(Type.CANCEL),
    REMOTE_SERVER_TIMEOUT(Type.WAIT),
    RESOURCE_CONSTRAINT(Type.WAIT),
    SERVICE_UNAVAILABLE(Type.CANCEL),
    SUBSCRIPTION_REQUIRED(Type.AUTH),
    /** Any type may accompany it (§8.3.3.21); the RFC's example uses modify. */
    UNDEFINED_CONDITION(Type.MODIFY),
    /** The RFC allows wait or modify (§8.3.3.22); wait is what RFC 3920 prescribed. */
    UNEXPECTED_REQUEST(Type.WAIT);

    public static final String NAMESPACE = Namespaces.STANZAS;

    private static final Map<String, StanzaErrorCondition> BY_ELEMENT_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(StanzaErrorCondition::elementName, Function.identity()));

    private final Type defaultType;
    private final String elementName;

    StanzaErrorCondition(Type defaultType) {
        this.defaultType = defaultType;
        this.elementName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The element name used on the wire, e.g. {@code service-unavailable}. */
    public String elementName() {
        return elementName;
    }

    /** The error type RFC 6120 §8.3.3 names for this condition. */
    public Type defaultType() {
        return defaultType;
    }

    /**
     * The condition with this element name; unknown names map to {@link #UNDEFINED_CONDITION}, as RFC 6120 §8.3.3
     * requires of a receiver.
     */
    public static StanzaErrorCondition fromElementName(String name) {
        return BY_ELEMENT_NAME.getOrDefault(name, UNDEFINED_CONDITION);
    }
}
