package dev.parley.xmpp.xml;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import java.nio.ByteBuffer;

/**
 * Follows just enough of the XML grammar, byte by byte, to catch at the very byte where they become certain, however
 * the input is split:
 * <ul>
 *   <li>comments, processing instructions and DTDs (RFC 6120 §11.1: {@code restricted-xml}). Aalto reports these only
 *       once they are complete, and rejects a DTD with an internal subset as a mere syntax error;</li>
 *   <li>{@code ]]>} in character data (XML 1.0 §2.4: {@code not-well-formed}), which Aalto misses when it starts a
 *       text event or straddles two feeds.</li>
 * </ul>
 * Everything else about well-formedness is left to Aalto: on malformed markup this scanner's view may be wrong, but
 * Aalto has then already failed on an earlier byte.
 */
final class MarkupScanner {
    private enum State { TEXT, LESS_THAN, BANG, BANG_DASH, TAG, QUOTED, XML_DECLARATION, CDATA }

    /** The bytes that can change the state from TEXT, TAG, QUOTED, XML_DECLARATION or CDATA. */
    private static final boolean[] SIGNIFICANT = new boolean[128];

    static {
        for (char c : "<>]'\"?".toCharArray()) {
            SIGNIFICANT[c] = true;
        }
    }

    private State state = State.TEXT;
    /** Before the end of the first start tag, which is the stream root's (a DTD or comment there is restricted). */
    private boolean prolog = true;
    private byte quote;
    /** Stream offset of the byte at index {@code from} of the current {@link #scan}. */
    private long position;
    /** Stream offset just past the last {@code ]} (or {@code ?} in the XML declaration), and how many ran up to it. */
    private long runEnd = -1;
    private int run;
    private StreamErrorException failure;

    /**
     * Scans {@code input[from, to)}.
     *
     * @return {@code to}, or the index of the byte that reveals restricted or malformed XML ({@link #failure()} says
     *         which); the bytes before it are safe to parse
     */
    int scan(ByteBuffer input, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = input.get(i);
            boolean inMarkupStart = state == State.LESS_THAN || state == State.BANG || state == State.BANG_DASH;
            if ((inMarkupStart || b >= 0 && SIGNIFICANT[b]) && !advance(b, position + (i - from))) {
                position += i - from;
                return i;
            }
        }
        position += to - from;
        return to;
    }

    StreamErrorException failure() {
        return failure;
    }

    /** Returns false when {@code b}, at stream offset {@code offset}, is where restricted or malformed XML shows. */
    private boolean advance(byte b, long offset) {
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.LESS_THAN;
                } else if (b == ']') {
                    countRun(offset);
                } else if (b == '>' && endsRunOfTwo(offset)) {
                    return fail(StreamErrorCondition.NOT_WELL_FORMED, "']]>' is not allowed in character data");
                }
            }
            case LESS_THAN -> {
                if (b == '!') {
                    if (prolog) {
                        return fail(StreamErrorCondition.RESTRICTED_XML, "comments and document type declarations");
                    }
                    state = State.BANG;
                } else if (b == '?') {
                    if (offset != 1) { // only the XML declaration, first thing in the stream, may look like this
                        return fail(StreamErrorCondition.RESTRICTED_XML, "processing instructions");
                    }
                    state = State.XML_DECLARATION;
                } else {
                    state = State.TAG;
                }
            }
            case BANG -> state = b == '-' ? State.BANG_DASH : b == '[' ? State.CDATA : State.TAG;
            case BANG_DASH -> {
                if (b == '-') {
                    return fail(StreamErrorCondition.RESTRICTED_XML, "comments");
                }
                state = State.TAG;
            }
            case TAG -> {
                if (b == '\'' || b == '"') {
                    quote = b;
                    state = State.QUOTED;
                } else if (b == '>') {
                    prolog = false;
                    state = State.TEXT;
                }
            }
            case QUOTED -> {
                if (b == quote) {
                    state = State.TAG;
                }
            }
            case XML_DECLARATION -> {
                if (b == '?') {
                    run = 1;
                    runEnd = offset + 1;
                } else if (b == '>' && runEnd == offset) {
                    state = State.TEXT;
                }
            }
            case CDATA -> {
                if (b == ']') {
                    countRun(offset);
                } else if (b == '>' && endsRunOfTwo(offset)) {
                    state = State.TEXT;
                }
            }
        }
        return true;
    }

    private void countRun(long offset) {
        run = runEnd == offset ? run + 1 : 1;
        runEnd = offset + 1;
    }

    private boolean endsRunOfTwo(long offset) {
        return runEnd == offset && run >= 2;
    }

    private boolean fail(StreamErrorCondition condition, String what) {
        failure = condition == StreamErrorCondition.RESTRICTED_XML
                ? StreamEvents.restricted(what)
                : new StreamErrorException(condition, what);
        return false;
    }
}
