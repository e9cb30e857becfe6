package dev.parley.xmpp.jid;

/**
 * Punycode (RFC 3492 §6), the encoding between U-labels and the part of A-labels after {@code xn--}.
 *
 * <p>{@link java.net.IDN} cannot be used: it implements IDNA2003, whose nameprep maps characters such as U+00DF
 * (ß) that IDNA2008, and so RFC 7622, keeps. Arithmetic is bounded because labels are at most 63 octets, and
 * any overflow means malformed input.
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 0x80;
    private static final char DELIMITER = '-';

    private Punycode() {
    }

    /** Encodes a label's code points; the result holds only lowercase letters, digits and hyphens. */
    static String encode(String label) {
        int[] input = label.codePoints().toArray();
        StringBuilder out = new StringBuilder(input.length + 8);
        for (int cp : input) {
            if (cp < INITIAL_N) {
                out.append((char) cp);
            }
        }
        int basicCount = out.length();
        int handled = basicCount;
        if (basicCount > 0) {
            out.append(DELIMITER);
        }
        int n = INITIAL_N;
        int delta = 0;
        int bias = INITIAL_BIAS;
        try {
            while (handled < input.length) {
                int next = Integer.MAX_VALUE;
                for (int cp : input) {
                    if (cp >= n && cp < next) {
                        next = cp;
                    }
                }
                delta = Math.addExact(delta, Math.multiplyExact(next - n, handled + 1));
                n = next;
                for (int cp : input) {
                    if (cp < n) {
                        delta = Math.incrementExact(delta);
                    } else if (cp == n) {
                        appendVariableLengthInteger(delta, bias, out);
                        bias = adapt(delta, handled + 1, handled == basicCount);
                        delta = 0;
                        handled++;
                    }
                }
                delta++;
                n++;
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("label too long to encode as Punycode", e);
        }
        return out.toString();
    }

    /**
     * Decodes the Punycode of an A-label (without {@code xn--}).
     *
     * @throws IllegalArgumentException when the input is not valid Punycode
     */
    static String decode(String encoded) {
        int delimiter = encoded.lastIndexOf(DELIMITER);
        StringBuilder decoded = new StringBuilder(encoded.length());
        for (int i = 0; i < Math.max(delimiter, 0); i++) {
            char c = encoded.charAt(i);
            if (c >= INITIAL_N) {
                throw new IllegalArgumentException("non-basic code point before the Punycode delimiter");
            }
            decoded.append(c);
        }
        int[] output = decoded.codePoints().toArray();
        int length = output.length;
        output = java.util.Arrays.copyOf(output, encoded.length());
        int n = INITIAL_N;
        int i = 0;
        int bias = INITIAL_BIAS;
        int in = delimiter > 0 ? delimiter + 1 : 0;
        try {
            while (in < encoded.length()) {
                int previous = i;
                int weight = 1;
                for (int k = BASE; ; k += BASE) {
                    if (in >= encoded.length()) {
                        throw new IllegalArgumentException("truncated Punycode");
                    }
                    int digit = digitValue(encoded.charAt(in++));
                    i = Math.addExact(i, Math.multiplyExact(digit, weight));
                    int threshold = threshold(k, bias);
                    if (digit < threshold) {
                        break;
                    }
                    weight = Math.multiplyExact(weight, BASE - threshold);
                }
                bias = adapt(i - previous, length + 1, previous == 0);
                n = Math.addExact(n, i / (length + 1));
                i %= length + 1;
                if (n > Character.MAX_CODE_POINT || (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE)) {
                    throw new IllegalArgumentException("Punycode decodes to an invalid code point");
                }
                System.arraycopy(output, i, output, i + 1, length - i);
                output[i++] = n;
                length++;
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Punycode overflow", e);
        }
        return new String(output, 0, length);
    }

    private static void appendVariableLengthInteger(int value, int bias, StringBuilder out) {
        int q = value;
        for (int k = BASE; ; k += BASE) {
            int threshold = threshold(k, bias);
            if (q < threshold) {
                break;
            }
            out.append(digitChar(threshold + (q - threshold) % (BASE - threshold)));
            q = (q - threshold) / (BASE - threshold);
        }
        out.append(digitChar(q));
    }

    private static int threshold(int k, int bias) {
        if (k <= bias) {
            return T_MIN;
        }
        return Math.min(k - bias, T_MAX);
    }

    private static int adapt(int delta, int points, boolean first) {
        int d = first ? delta / DAMP : delta / 2;
        d += d / points;
        int k = 0;
        while (d > ((BASE - T_MIN) * T_MAX) / 2) {
            d /= BASE - T_MIN;
            k += BASE;
        }
        return k + (BASE - T_MIN + 1) * d / (d + SKEW);
    }

    private static char digitChar(int digit) {
        return (char) (digit < 26 ? 'a' + digit : '0' + digit - 26);
    }

    private static int digitValue(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        throw new IllegalArgumentException("invalid Punycode digit");
    }
}
