package dev.parley.server.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The bytes one connection may hold for its peer (PROMISES.md, "Bounded resources"): those encoded and queued by
 * {@link WriteQueue} plus those its channel has not written to the socket yet. Senders reserve before queueing; a
 * reservation that would go past the limit is refused, so a peer that stops reading costs at most {@code limit} bytes
 * (briefly one stanza more while the loop hands a stanza from the queue to the channel, where it is counted twice).
 * What is {@link #force forced} in (a resumed session's unacknowledged stanzas, bounded by stream management) raises
 * the limit by as much until the connection has {@link #caughtUp caught up}, so the burst itself cuts no one off.
 * Thread-safe.
 */
final class OutboundBudget {
    private final long limit;
    private final LongSupplier unwritten;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong allowance = new AtomicLong();

    /** @param unwritten what the channel holds and has not written yet; read from any thread */
    OutboundBudget(long limit, LongSupplier unwritten) {
        this.limit = limit;
        this.unwritten = unwritten;
    }

    /** Counts {@code bytes} as queued, or returns false and counts nothing when they would not fit. */
    boolean reserve(int bytes) {
        long total = queued.addAndGet(bytes);
        if (total + unwritten.getAsLong() > limit + allowance.get()) {
            queued.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** Counts {@code bytes} as queued whatever the limit, and lets the limit grow by as much until caught up. */
    void force(int bytes) {
        allowance.addAndGet(bytes);
        queued.addAndGet(bytes);
    }

    /** The connection took what was forced in (its channel is writable, nothing queued): the limit is the limit again. */
    void caughtUp() {
        allowance.set(0);
    }

    /** {@code bytes} left the queue (handed to the channel, or dropped). */
    void release(int bytes) {
        queued.addAndGet(-bytes);
    }

    /** Bytes queued and not handed to the channel yet. */
    long queued() {
        return queued.get();
    }

    /** Queued plus unwritten: what the peer costs now. */
    long held() {
        return queued.get() + unwritten.getAsLong();
    }

    long limit() {
        return limit;
    }
}
