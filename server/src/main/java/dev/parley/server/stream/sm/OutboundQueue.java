package dev.parley.server.stream.sm;

import dev.parley.xmpp.xml.XmlElement;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The stanzas a server sent on a managed stream that the client has not acknowledged yet (XEP-0198 §4), with the
 * count of stanzas sent. An {@code <a h/>} removes the stanzas it covers; what is left is resent after resumption (§5)
 * or routed again when the session ends. Holds at most {@code capacity} stanzas: a client that stops acknowledging
 * cannot make the server keep unbounded state. Not thread-safe: its owner guards it.
 */
public final class OutboundQueue {
    /** One unacknowledged stanza and when it was first queued (the XEP-0203 stamp if it must be routed again). */
    public record Unacked(XmlElement stanza, Instant queued) {
    }

    /** The outcome of an acknowledgement. */
    public enum Ack {
        /** The stanzas up to 'h' are acknowledged (possibly none new). */
        ACCEPTED,
        /** 'h' counts more stanzas than were sent (§6 handled-count-too-high); nothing changed. */
        TOO_HIGH
    }

    private final int capacity;
    private final ArrayDeque<Unacked> unacked = new ArrayDeque<>();
    private final AckCounter sent;

    public OutboundQueue(int capacity) {
        this(capacity, 0);
    }

    /** A queue whose count of sent stanzas starts at {@code sentBefore} (tests use it to cross 2^32). */
    public OutboundQueue(int capacity, long sentBefore) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.sent = new AckCounter(sentBefore);
    }

    /** Counts and queues a stanza about to be sent; false (nothing queued) when the queue is full. */
    public boolean add(XmlElement stanza, Instant now) {
        if (unacked.size() >= capacity) {
            return false;
        }
        unacked.addLast(new Unacked(stanza, now));
        sent.increment();
        return true;
    }

    /** The number of stanzas sent so far, modulo 2^32: the highest 'h' the client may acknowledge. */
    public long sent() {
        return sent.value();
    }

    /** The count the client has acknowledged so far. */
    public long acknowledged() {
        return AckCounter.plus(sent.value(), -unacked.size());
    }

    public int size() {
        return unacked.size();
    }

    public boolean full() {
        return unacked.size() >= capacity;
    }

    /** Whether {@code h} could be accepted now: it counts no more stanzas than were sent. */
    public boolean acceptable(long h) {
        long forward = AckCounter.distance(acknowledged(), h);
        return forward <= unacked.size() || isBehind(h);
    }

    /**
     * Applies an {@code <a h/>}: the stanzas up to {@code h} leave the queue. An 'h' behind what was already
     * acknowledged (less than 2^31 back) repeats old news and changes nothing.
     */
    public Ack acknowledge(long h) {
        long forward = AckCounter.distance(acknowledged(), h);
        if (forward <= unacked.size()) {
            for (long i = 0; i < forward; i++) {
                unacked.removeFirst();
            }
            return Ack.ACCEPTED;
        }
        return isBehind(h) ? Ack.ACCEPTED : Ack.TOO_HIGH;
    }

    /** The stanzas still unacknowledged, oldest first. */
    public List<Unacked> unacked() {
        return List.copyOf(unacked);
    }

    /** Takes every unacknowledged stanza out, oldest first. */
    public List<Unacked> drain() {
        List<Unacked> all = List.copyOf(unacked);
        unacked.clear();
        return all;
    }

    private boolean isBehind(long h) {
        return AckCounter.distance(h, acknowledged()) < (1L << 31);
    }
}
