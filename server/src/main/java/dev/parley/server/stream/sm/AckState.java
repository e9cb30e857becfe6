package dev.parley.server.stream.sm;

import java.time.Duration;

/**
 * The stream management state of one session (XEP-0198 §4): the count of inbound stanzas handled, the queue of
 * outbound stanzas not yet acknowledged, and when to ask the client for an acknowledgement. It belongs to the session,
 * not to the connection, so a resumed stream carries the counts on (§5). Not thread-safe: the session guards it.
 */
public final class AckState {
    private final AckCounter handled = new AckCounter();
    private final OutboundQueue outbound;
    private final String id;
    private final Duration resumeTimeout;
    private final int requestAfter;
    private int unrequested;

    /**
     * @param id            the SM-ID
     * @param resumeTimeout how long the session may wait for resumption, or null when it may not be resumed
     * @param requestAfter  ask for an ack after this many stanzas sent since the last request
     */
    public AckState(String id, Duration resumeTimeout, int queueCapacity, int requestAfter) {
        this.id = id;
        this.resumeTimeout = resumeTimeout;
        this.outbound = new OutboundQueue(queueCapacity);
        this.requestAfter = requestAfter;
    }

    public String id() {
        return id;
    }

    public boolean resumable() {
        return resumeTimeout != null;
    }

    public Duration resumeTimeout() {
        return resumeTimeout;
    }

    public OutboundQueue outbound() {
        return outbound;
    }

    /** The 'h' to report: inbound stanzas handled, in order, since stream management was enabled. */
    public long handled() {
        return handled.value();
    }

    /** One more inbound stanza was handled (its routing completed). */
    public void inboundHandled() {
        handled.increment();
    }

    /** Notes a stanza sent; true when it is time to send {@code <r/>}. */
    public boolean sentOneDueForRequest() {
        if (++unrequested >= requestAfter) {
            unrequested = 0;
            return true;
        }
        return false;
    }

    /** True (and the count restarts) when stanzas were sent since the last request and are still unacknowledged. */
    public boolean idleRequestDue() {
        if (unrequested > 0 && outbound.size() > 0) {
            unrequested = 0;
            return true;
        }
        return false;
    }
}
