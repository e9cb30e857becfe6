package dev.parley.xmpp.xml;

import static dev.parley.xmpp.error.StreamErrorCondition.INTERNAL_SERVER_ERROR;
import static dev.parley.xmpp.error.StreamErrorCondition.NOT_WELL_FORMED;

import dev.parley.xmpp.error.StreamErrorException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The incremental parser of one XML stream (RFC 6120 §4): bytes in, in any split; {@link StreamListener} calls out,
 * synchronously, with each top-level element complete and its namespaces resolved.
 *
 * <p>It refuses restricted XML with {@code restricted-xml} (§11.1), input that is not namespace-well-formed XML 1.0 in
 * UTF-8 with {@code not-well-formed} (§11.3, §11.6), and enforces {@link ParserLimits} with {@code policy-violation}
 * while the bytes arrive: input is handed to Aalto in slices no longer than what the current limit still allows, so a
 * peer trickling an oversized element is stopped at the first byte past the limit, not after it was buffered.
 * Whitespace between top-level elements does not count towards any element.
 *
 * <p>Bytes after {@code </stream:stream>} are ignored: the stream is over and the receiver is closing it. After a
 * {@link StreamErrorException} the parser is dead and every later call throws the same exception. One parser serves
 * one stream; a stream restart (after STARTTLS or SASL, §4.3.3) needs a new one. Not thread-safe.
 */
public final class XmppStreamParser {
    /** Input after which Aalto's reader is replaced (at the next top-level element end) to bound its name table. */
    static final long READER_LIFETIME_BYTES = 64 * 1024;

    private final ParserLimits limits;
    private final StreamEvents events;
    private final Utf8Validator utf8 = new Utf8Validator();
    private final long readerLifetimeBytes;
    /** The start of a character whose remaining bytes have not arrived yet. */
    private final byte[] carry = new byte[4];
    private int carried;
    private AaltoInput input = new AaltoInput();
    private boolean headerByteWasLessThan;
    private boolean ended;
    private StreamErrorException failure;

    public XmppStreamParser(ParserLimits limits, StreamListener listener) {
        this(limits, listener, READER_LIFETIME_BYTES);
    }

    XmppStreamParser(ParserLimits limits, StreamListener listener, long readerLifetimeBytes) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.events = new StreamEvents(limits, Objects.requireNonNull(listener, "listener"));
        this.readerLifetimeBytes = readerLifetimeBytes;
    }

    /**
     * Parses all remaining bytes of {@code data} (its position ends at its limit, whatever happens) and calls the
     * listener for what they complete. The parser keeps no reference to {@code data} after returning.
     */
    public void feed(ByteBuffer data) throws StreamErrorException {
        requireLive();
        try {
            consume(data);
        } catch (StreamErrorException e) {
            throw die(e);
        } catch (RuntimeException e) {
            die(new StreamErrorException(INTERNAL_SERVER_ERROR, "the XML parser failed"));
            throw e;
        } finally {
            data.position(data.limit());
        }
    }

    /** Parses {@code data[offset, offset + length)}, as {@link #feed(ByteBuffer)} does. */
    public void feed(byte[] data, int offset, int length) throws StreamErrorException {
        feed(ByteBuffer.wrap(data, offset, length));
    }

    /**
     * The peer's connection ended. A stream cut off between top-level elements (or before its header was complete)
     * is not an error: nobody is left to tell. One cut off inside a top-level element is {@code not-well-formed}.
     */
    public void endOfInput() throws StreamErrorException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return;
        }
        ended = true;
        boolean truncated = !events.closed() && !events.inHeader()
                && (events.insideElement() || received() > events.topLevelStart());
        input = null;
        if (truncated) {
            throw die(new StreamErrorException(NOT_WELL_FORMED, "the stream ended inside an element"));
        }
    }

    private void consume(ByteBuffer data) throws StreamErrorException {
        int position = data.position();
        int limit = data.limit();
        if (carried > 0) {
            position = completeCarriedCharacter(data, position, limit);
        }
        while (position < limit && !events.closed()) {
            int end = Utf8Validator.characterEnd(data, (int) Math.min(limit, position + budget()), limit);
            boolean declaration = false;
            if (events.inHeader()) {
                int bang = findMarkupDeclaration(data, position, end);
                declaration = bang < end;
                end = bang;
            }
            int valid = utf8.validate(data, position, end);
            if (valid < end) {
                // Parse what precedes the bad byte, so that the outcome does not depend on how input was split.
                parse(data, position, Utf8Validator.characterStart(data, position, valid));
                if (events.closed()) {
                    return;
                }
                throw utf8.failure();
            }
            int complete = Utf8Validator.characterStart(data, position, end);
            parse(data, position, complete);
            if (events.closed()) {
                return;
            }
            if (declaration && events.inHeader()) {
                throw StreamEvents.restricted("comments and document type declarations");
            }
            if (complete < end) { // the input ends inside a character
                carried = end - complete;
                data.get(complete, carry, 0, carried);
            }
            position = end;
            enforceLimit();
        }
    }

    /**
     * Aalto is only ever fed whole characters: version 1.4.0 corrupts a 4-byte character in an attribute value when
     * its bytes arrive in two feeds. The start of a character cut off by the end of the previous input is kept here
     * until the rest arrives.
     */
    private int completeCarriedCharacter(ByteBuffer data, int position, int limit) throws StreamErrorException {
        int length = Utf8Validator.sequenceLength(carry[0]);
        int taken = Math.min(length - carried, limit - position);
        if (utf8.validate(data, position, position + taken) < position + taken) {
            throw utf8.failure();
        }
        data.get(position, carry, carried, taken);
        carried += taken;
        if (carried == length) {
            carried = 0;
            parse(ByteBuffer.wrap(carry), 0, length);
        }
        enforceLimit();
        return position + taken;
    }

    /**
     * Feeds {@code data[from, to)} to Aalto and handles the events it completes. When the reader is due for
     * replacement, that happens at the first top-level element end, and the rest goes to the new reader.
     */
    private void parse(ByteBuffer data, int from, int to) throws StreamErrorException {
        while (from < to) {
            long sliceStart = input.fedOffset();
            input.feed(data.slice(from, to - from));
            boolean replaceReader = input.fedToCurrentReader() >= readerLifetimeBytes;
            switch (events.drain(input, replaceReader)) {
                case NEEDS_INPUT -> {
                    input.releaseSlice();
                    return;
                }
                case STREAM_CLOSED -> {
                    input = null;
                    return;
                }
                case TOP_LEVEL_ELEMENT_ENDED -> {
                    long resumeAt = input.offset();
                    input.restartInside(events.rootDeclarations(), resumeAt);
                    from += (int) (resumeAt - sliceStart);
                }
            }
        }
    }

    /** Bytes received so far, including those of a character not yet complete. */
    private long received() {
        return input.fedOffset() + carried;
    }

    /** Bytes Aalto may be given now: one more than the current limit allows, so that a breach is seen at once. */
    private long budget() {
        long fed = received();
        if (events.inHeader()) {
            // The slice that completes the header may run into the first element, whose own limit then applies too.
            return Math.min(limits.maxHeaderBytes() + 1L - fed, limits.maxStanzaBytes() + 1L);
        }
        return limits.maxStanzaBytes() + 1L - (fed - events.topLevelStart());
    }

    private void enforceLimit() throws StreamErrorException {
        long fed = received();
        if (events.inHeader()) {
            if (fed > limits.maxHeaderBytes()) {
                throw StreamEvents.headerTooLarge(limits);
            }
        } else if (fed - events.topLevelStart() > limits.maxStanzaBytes()) {
            throw StreamEvents.tooLarge(limits);
        }
    }

    /**
     * Before the stream root is open, {@code <!} can only begin a comment or a DTD, both restricted (§11.1). Aalto
     * reads a DTD whole before reporting it, and rejects one with an internal subset as a syntax error, so the
     * sequence is looked for here (it is also illegal inside the XML declaration and inside attribute values, so
     * stopping at it never misjudges the root's start tag).
     *
     * @return the index of the {@code !}, or {@code to}
     */
    private int findMarkupDeclaration(ByteBuffer data, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = data.get(i);
            if (b == '!' && headerByteWasLessThan) {
                return i;
            }
            headerByteWasLessThan = b == '<';
        }
        return to;
    }

    private void requireLive() throws StreamErrorException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            throw new IllegalStateException("input already ended");
        }
    }

    private StreamErrorException die(StreamErrorException e) {
        failure = e;
        input = null;
        return e;
    }
}
