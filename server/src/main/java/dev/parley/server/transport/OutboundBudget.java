package dev.parley.server.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The bytes one connection may hold for its peer (PROMISES.md, "Bounded resources"): those encoded and queued by
 * {@link XmppConnection} plus those its channel has not written to the socket yet. Senders reserve before queueing; a
 * reservation that would go past the limit is refused, so a peer that stops reading costs at most {@code limit} bytes
 * (briefly one stanza more while the loop hands a stanza from the queue to the channel, where it is counted twice).
 * Thread-safe.
 */
final class OutboundBudget {
    private final long limit;
    private final LongSupplier unwritten;
    private final AtomicLong queued = new AtomicLong();

    /** @param unwritten what the channel holds and has not written yet; read from any thread */
    OutboundBudget(long limit, LongSupplier unwritten) {
        this.limit = limit;
        this.unwritten = unwritten;
    }

    /** Counts {@code bytes} as queued, or returns false and counts nothing when they would not fit. */
    boolean reserve(int bytes) {
        long total = queued.addAndGet(bytes);
        if (total + unwritten.getAsLong() > limit) {
            queued.addAndGet(-bytes);
            return false;
        }
        return true;
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
