package dev.parley.load.scenario;

/**
 * This process's part of a run split over {@code count} processes (one process holds a limited number of descriptors,
 * and one event loop tops out before a fast server does). Shard {@code index} takes a contiguous slice of the pairs,
 * rooms or sessions, and its share of the offered rate.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/n with 0 <= i < n: " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a shard is written i/n, e.g. 0/2: " + text);
        }
        return new Shard(Integer.parseInt(text.substring(0, slash).strip()),
                Integer.parseInt(text.substring(slash + 1).strip()));
    }

    /** The first unit of this shard's slice of {@code total} units. */
    public int from(int total) {
        return (int) ((long) total * index / count);
    }

    /** One past the last unit of this shard's slice. */
    public int to(int total) {
        return (int) ((long) total * (index + 1) / count);
    }

    public int size(int total) {
        return to(total) - from(total);
    }
}
