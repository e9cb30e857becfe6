package dev.parley.xmpp.xml;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import java.nio.ByteBuffer;

/**
 * Checks, byte by byte and across any split of the input, that a stream is well-formed UTF-8 (RFC 3629 §4, the
 * Unicode "well-formed UTF-8 byte sequences" table) holding only characters XML 1.0 allows (XML 1.0 §2.2 {@code Char}).
 *
 * <p>Aalto decodes UTF-8 without rejecting overlong forms (it reads {@code C0 80} as U+0000) or code points above
 * U+10FFFF, so every input byte passes through here before the parser sees it (RFC 6120 §11.6: UTF-8 only; §4.9.3.13:
 * anything else is {@code not-well-formed}). The first bytes of a UTF-16 or UTF-32 stream are recognised and reported
 * as {@code unsupported-encoding} instead.
 */
final class Utf8Validator {
    /** XML 1.0 {@code Char} among the ASCII range: tab, LF, CR and U+0020 upwards (U+007F included). */
    private static final boolean[] XML_ASCII = new boolean[128];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            XML_ASCII[c] = true;
        }
        XML_ASCII['\t'] = true;
        XML_ASCII['\n'] = true;
        XML_ASCII['\r'] = true;
    }

    /** Continuation bytes still expected for the current character. */
    private int pending;
    /** Bounds of the next continuation byte; only the second byte of a sequence has bounds other than 80..BF. */
    private int low = 0x80;
    private int high = 0xBF;
    private int leadByte;
    /** Bytes of the stream validated before the current call. */
    private long position;
    private StreamErrorException failure;

    /**
     * Validates {@code input[from, to)} (absolute indexes; the buffer's position is not used or changed).
     *
     * @return {@code to} when all bytes are valid, else the index of the first invalid byte ({@link #failure()} then
     *         says why)
     */
    int validate(ByteBuffer input, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = input.get(i) & 0xFF;
            if (pending == 0) {
                if (b < 0x80 ? !XML_ASCII[b] : !startSequence(b)) {
                    return reject(i, from, b);
                }
            } else if (b < low || b > high) {
                return reject(i, from, b);
            } else {
                continueSequence(b);
            }
        }
        position += to - from;
        return to;
    }

    /** Bytes in the UTF-8 sequence that {@code leadByte} starts (1 for anything that is not a multi-byte lead). */
    static int sequenceLength(byte leadByte) {
        int b = leadByte & 0xFF;
        return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }

    /** {@code end}, moved forward (up to {@code limit}) past the continuation bytes of a character it splits. */
    static int characterEnd(ByteBuffer input, int end, int limit) {
        int stop = Math.min(limit, end + 3);
        while (end < stop && (input.get(end) & 0xC0) == 0x80) {
            end++;
        }
        return end;
    }

    /**
     * {@code end}, or the start of the character it splits; {@code input[from, end)} must be valid UTF-8 that starts
     * on a character boundary.
     */
    static int characterStart(ByteBuffer input, int from, int end) {
        for (int i = end - 1; i >= Math.max(from, end - 3); i--) {
            byte b = input.get(i);
            if ((b & 0xC0) != 0x80) {
                return end - i < sequenceLength(b) ? i : end;
            }
        }
        return end;
    }

    /** Why the last {@link #validate} stopped early. */
    StreamErrorException failure() {
        return failure;
    }

    private boolean startSequence(int b) {
        leadByte = b;
        low = 0x80;
        high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                low = 0xA0; // below: overlong
            } else if (b == 0xED) {
                high = 0x9F; // above: UTF-16 surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                low = 0x90; // below: overlong
            } else if (b == 0xF4) {
                high = 0x8F; // above: beyond U+10FFFF
            }
        } else {
            return false; // 80..C1 (continuation or overlong lead), F5..FF
        }
        return true;
    }

    private void continueSequence(int b) {
        pending--;
        low = 0x80;
        // EF BF BE and EF BF BF are U+FFFE and U+FFFF, which are not XML characters
        high = leadByte == 0xEF && b == 0xBF && pending == 1 ? 0xBD : 0xBF;
    }

    private int reject(int index, int from, int b) {
        long offset = position + (index - from);
        position = offset;
        failure = offset < 2 && (b == 0x00 || b == 0xFE || b == 0xFF)
                ? new StreamErrorException(StreamErrorCondition.UNSUPPORTED_ENCODING,
                        "the stream is not UTF-8 (it looks like UTF-16 or UTF-32)")
                : new StreamErrorException(StreamErrorCondition.NOT_WELL_FORMED, describe(b, offset));
        return index;
    }

    private String describe(int b, long offset) {
        if (pending == 0 && b < 0x80) {
            return String.format("character U+%04X at byte %d is not allowed in XML", b, offset);
        }
        return String.format("invalid UTF-8 byte 0x%02X at byte %d", b, offset);
    }
}
