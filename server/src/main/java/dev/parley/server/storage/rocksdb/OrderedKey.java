package dev.parley.server.storage.rocksdb;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds and reads RocksDB keys made of typed components (partition components first, then clustering components)
 * whose unsigned byte order is the order of the components, compared left to right.
 *
 * <p>Every component is self-delimiting, so the encoding of the leading components of a key is an exact prefix:
 * a scan of partition {@code "example.com"} never strays into {@code "example.com.evil"}, and a clustering
 * component sorts exactly like the value it encodes.
 * <ul>
 *   <li>text: its UTF-8 bytes (code point order), each {@code 0x00} escaped as {@code 0x00 0xFF}, then the
 *       terminator {@code 0x00 0x01}. The terminator sorts below any continuation, so {@code "al" < "alice"}.</li>
 *   <li>bytes: the same escaping and terminator, for binary ids.</li>
 *   <li>int64: 8 bytes big-endian with the sign bit flipped, so negative numbers sort first.</li>
 * </ul>
 * The components carry no type tags: each store knows its own key schema.
 */
public final class OrderedKey {
    private static final byte ESCAPE = 0x00;
    private static final byte ESCAPED_ZERO = (byte) 0xFF;
    private static final byte TERMINATOR = 0x01;

    private OrderedKey() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Reader reader(byte[] key) {
        return new Reader(key);
    }

    public static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The smallest key greater than every key that starts with {@code prefix}, for a scan's exclusive upper bound;
     * {@code null} if there is none (the prefix is empty or all {@code 0xFF}).
     */
    public static byte[] upperBound(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] bound = Arrays.copyOf(prefix, i + 1);
                bound[i]++;
                return bound;
            }
        }
        return null;
    }

    /** Appends components; not thread-safe, use one per key. */
    public static final class Builder {
        private byte[] buffer = new byte[64];
        private int length;

        private Builder() {
        }

        /** @throws IllegalArgumentException if {@code value} holds an unpaired surrogate (no UTF-8 form) */
        public Builder text(String value) {
            try {
                ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(value));
                return escaped(utf8.array(), utf8.arrayOffset() + utf8.position(), utf8.remaining());
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("text is not well-formed Unicode", e);
            }
        }

        /**
         * The start of a text component without its terminator, as the last part of a scan prefix: every key whose
         * text component here starts with {@code value} starts with the result.
         *
         * @throws IllegalArgumentException if {@code value} holds an unpaired surrogate (no UTF-8 form)
         */
        public Builder textPrefix(String value) {
            text(value);
            length -= 2; // the terminator ESCAPE TERMINATOR that text() appended
            return this;
        }

        public Builder bytes(byte[] value) {
            return escaped(value, 0, value.length);
        }

        public Builder int64(long value) {
            ensure(8);
            long flipped = value ^ Long.MIN_VALUE;
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (flipped >>> shift);
            }
            return this;
        }

        public byte[] build() {
            return Arrays.copyOf(buffer, length);
        }

        private Builder escaped(byte[] value, int offset, int count) {
            int zeros = 0;
            for (int i = offset; i < offset + count; i++) {
                if (value[i] == ESCAPE) {
                    zeros++;
                }
            }
            ensure(count + zeros + 2);
            for (int i = offset; i < offset + count; i++) {
                byte b = value[i];
                buffer[length++] = b;
                if (b == ESCAPE) {
                    buffer[length++] = ESCAPED_ZERO;
                }
            }
            buffer[length++] = ESCAPE;
            buffer[length++] = TERMINATOR;
            return this;
        }

        private void ensure(int extra) {
            if (length + extra > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
            }
        }
    }

    /**
     * Reads components back in the order they were written.
     * Malformed input (a key not built with this schema) throws {@link IllegalArgumentException}.
     */
    public static final class Reader {
        private final byte[] key;
        private int position;

        private Reader(byte[] key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        public String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(unescaped())).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("key component is not UTF-8", e);
            }
        }

        public byte[] bytes() {
            return unescaped();
        }

        public long int64() {
            if (key.length - position < 8) {
                throw new IllegalArgumentException("key ends inside an int64 component");
            }
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (key[position++] & 0xFF);
            }
            return value ^ Long.MIN_VALUE;
        }

        public boolean hasRemaining() {
            return position < key.length;
        }

        private byte[] unescaped() {
            byte[] out = new byte[key.length - position];
            int count = 0;
            while (position < key.length) {
                byte b = key[position++];
                if (b != ESCAPE) {
                    out[count++] = b;
                    continue;
                }
                if (position >= key.length) {
                    break;
                }
                byte next = key[position++];
                if (next == TERMINATOR) {
                    return Arrays.copyOf(out, count);
                }
                if (next != ESCAPED_ZERO) {
                    throw new IllegalArgumentException("invalid escape in key at " + (position - 1));
                }
                out[count++] = ESCAPE;
            }
            throw new IllegalArgumentException("key ends inside a text or bytes component");
        }
    }
}
