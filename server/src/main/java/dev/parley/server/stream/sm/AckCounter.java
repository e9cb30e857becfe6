package dev.parley.server.stream.sm;

/**
 * A stanza count of XEP-0198 §4: an xs:unsignedInt that goes from 2^32-1 back to zero instead of reaching 2^32.
 * Counts are compared only as distances modulo 2^32, so wrapping never makes a later count look smaller.
 * Not thread-safe: its owner guards it.
 */
public final class AckCounter {
    static final long MASK = 0xFFFF_FFFFL;

    private long value;

    public AckCounter() {
        this(0);
    }

    public AckCounter(long start) {
        this.value = start & MASK;
    }

    public long value() {
        return value;
    }

    public void increment() {
        value = (value + 1) & MASK;
    }

    /** How many steps forward {@code to} is from {@code from}, modulo 2^32. */
    public static long distance(long from, long to) {
        return (to - from) & MASK;
    }

    /** {@code count} plus {@code steps}, modulo 2^32. */
    public static long plus(long count, long steps) {
        return (count + steps) & MASK;
    }

    /**
     * Parses an 'h' attribute: a decimal xs:unsignedInt (0 to 2^32-1).
     *
     * @throws IllegalArgumentException when it is missing or not such a number
     */
    public static long parse(String h) {
        if (h == null || h.isEmpty() || h.length() > 10 || !h.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'h' must be an unsigned 32-bit number: " + h);
        }
        long value = Long.parseLong(h);
        if (value > MASK) {
            throw new IllegalArgumentException("'h' must be an unsigned 32-bit number: " + h);
        }
        return value;
    }
}
