package dev.parley.server.admin;

/** A command refused its input or could not be carried out; the reason maps to a stanza error, HTTP status or exit code. */
public final class AdminCommandException extends RuntimeException {
    public enum Reason { BAD_REQUEST, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Reason reason;

    public AdminCommandException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
