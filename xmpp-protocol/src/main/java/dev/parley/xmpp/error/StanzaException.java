package dev.parley.xmpp.error;

import java.util.Objects;

/**
 * Thrown when a stanza cannot be processed and must be answered with a stanza error (RFC 6120 §8.3), for instance a
 * malformed {@code to} address ({@code jid-malformed}) or an IQ without exactly one payload ({@code bad-request}).
 * Unlike a {@link StreamErrorException}, the stream stays open.
 */
public final class StanzaException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient StanzaError error;

    public StanzaException(StanzaError error) {
        // No stack trace: this is an expected answer to bad input, thrown on the stanza hot path.
        super(error.text() != null ? error.text() : error.condition().elementName(), null, false, false);
        this.error = error;
    }

    /** An exception for the condition with its default type (RFC 6120 §8.3.3) and this text. */
    public StanzaException(StanzaErrorCondition condition, String text) {
        this(StanzaError.of(Objects.requireNonNull(condition, "condition"), text));
    }

    public StanzaError error() {
        return error;
    }
}
