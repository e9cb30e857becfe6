package dev.parley.xmpp.jid;

/**
 * Thrown when a string is not a valid JID under RFC 7622; the message says which part is wrong and why, so it can be
 * shown to a user or put in the {@code <text/>} of a {@code jid-malformed} error.
 */
public final class JidFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED_INPUT = 64;

    public JidFormatException(String message) {
        super(message);
    }

    /** A copy whose message names the offending input, shortened so that huge attributes don't bloat logs. */
    JidFormatException forInput(String input) {
        String quoted = input;
        if (input.length() > MAX_QUOTED_INPUT) {
            int end = Character.isHighSurrogate(input.charAt(MAX_QUOTED_INPUT - 1)) ? MAX_QUOTED_INPUT - 1 : MAX_QUOTED_INPUT;
            quoted = input.substring(0, end) + "…";
        }
        return new JidFormatException("invalid JID '" + quoted + "': " + getMessage());
    }

    /** A code point as a reader recognises it: the character itself when printable ASCII, else U+XXXX. */
    static String describe(int codePoint) {
        return codePoint > 0x20 && codePoint < 0x7F ? "'" + (char) codePoint + "'" : String.format("U+%04X", codePoint);
    }
}
