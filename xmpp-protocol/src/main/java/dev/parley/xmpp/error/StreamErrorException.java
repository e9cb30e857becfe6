package dev.parley.xmpp.error;

import java.util.Objects;

/**
 * Thrown when input breaks the stream so that it must be closed with a stream error (RFC 6120 §4.9):
 * the parser and the stream state machine throw it, the transport writes the error and closes.
 */
public final class StreamErrorException extends Exception {
    private final StreamErrorCondition condition;

    public StreamErrorException(StreamErrorCondition condition, String text) {
        super(text, null, false, false);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public StreamErrorCondition condition() {
        return condition;
    }

    /** Human-readable detail for the {@code <text/>} child; may be null. */
    public String text() {
        return getMessage();
    }
}
