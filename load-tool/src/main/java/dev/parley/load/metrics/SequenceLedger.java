package dev.parley.load.metrics;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * What one receiver got from each sender, by sequence number: distinct messages, duplicates and messages that arrived
 * after a later one. Lost messages are those sent and never recorded here. Single-threaded: a receiver's ledger is
 * only touched on its session's event loop.
 */
public final class SequenceLedger {
    /** Sequence numbers above this are counted as invalid instead of growing a bit set without bound. */
    public static final int MAX_SEQUENCE = 50_000_000;

    private final Map<Integer, BitSet> seen = new HashMap<>();
    private final Map<Integer, Integer> highest = new HashMap<>();
    private long distinct;
    private long duplicates;
    private long outOfOrder;
    private long invalid;

    /** Records one arrival; returns true when it is the first arrival of this message. */
    public boolean record(int sender, int sequence) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            invalid++;
            return false;
        }
        BitSet bits = seen.computeIfAbsent(sender, s -> new BitSet());
        if (bits.get(sequence)) {
            duplicates++;
            return false;
        }
        bits.set(sequence);
        distinct++;
        Integer top = highest.get(sender);
        if (top != null && sequence < top) {
            outOfOrder++;
        } else {
            highest.put(sender, sequence);
        }
        return true;
    }

    /** Distinct messages received from {@code sender}. */
    public int distinctFrom(int sender) {
        BitSet bits = seen.get(sender);
        return bits == null ? 0 : bits.cardinality();
    }

    public long distinct() {
        return distinct;
    }

    public long duplicates() {
        return duplicates;
    }

    public long outOfOrder() {
        return outOfOrder;
    }

    public long invalid() {
        return invalid;
    }
}
