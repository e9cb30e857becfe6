package dev.parley.server.stream;

import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionPresence;
import dev.parley.server.stream.sm.AckState;
import dev.parley.server.stream.sm.OutboundQueue;
import dev.parley.server.stream.sm.OutboundQueue.Unacked;
import dev.parley.server.stream.sm.SmElements;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;

/**
 * The {@link ClientSession} of a bound client stream. With stream management (XEP-0198) it outlives its connection:
 * it can be detached, keep queueing what is delivered to it, and be attached to the stream that resumes it (§5).
 * Its outbound path is: held back ({@link OutboundHolds}: stored messages first, client state, congestion), then
 * counted and queued until acknowledged, and written. One lock guards it, because deliveries come from any thread and
 * a resumed session moves to another connection's event loop; taking the lock while writing keeps the count of a
 * stanza and its place on the wire in the same order.
 */
final class StreamSession implements ClientSession {
    /** Where a session is in its life; only ATTACHED has a connection. */
    enum State { ATTACHED, DETACHED, RESUMING, ENDING, ENDED }

    /** What the stream whose connection was lost must do with the session. */
    enum Lost {
        /** Keep it for resumption. */
        DETACH,
        /** End it: route its unacknowledged stanzas again and end its presence. */
        END,
        /** Nothing: another stream has taken it over, or it is ending already. */
        NONE
    }

    private final Jid jid;
    private final SessionPresence presence = new SessionPresence();
    private final SessionEnding ending;
    private final OutboundHolds holds;
    private final Clock clock;
    private final Duration idleRequestDelay;
    private StreamTransport transport;
    private CompletableFuture<Void> settled;
    private State state = State.ATTACHED;
    private boolean resumeRefused;
    private AckState sm;
    private ScheduledFuture<?> ackRequest;

    /**
     * @param settled completes when the stream of this first connection has processed all it received
     */
    StreamSession(Jid jid, StreamTransport transport, CompletableFuture<Void> settled, SessionEnding ending,
                  SessionOptions options) {
        this.jid = jid;
        this.transport = transport;
        this.settled = settled;
        this.ending = ending;
        this.holds = new OutboundHolds(options.csiHeldPresences(), this::emit);
        this.clock = options.clock();
        this.idleRequestDelay = options.requestAckIdle();
    }

    @Override
    public Jid jid() {
        return jid;
    }

    @Override
    public SessionPresence presence() {
        return presence;
    }

    @Override
    public synchronized void deliver(Stanza stanza) {
        holds.deliver(stanza);
    }

    @Override
    public synchronized void holdMessages() {
        holds.holdMessages();
    }

    @Override
    public synchronized void deliverStored(Stanza stanza) {
        holds.deliverStored(stanza);
    }

    @Override
    public synchronized void releaseMessages() {
        holds.releaseMessages();
    }

    /** Sends a stanza the stream itself answers with (a reply to the client's own request), after anything held. */
    synchronized void reply(Stanza stanza) {
        holds.releasePresence();
        emit(stanza);
    }

    @Override
    public synchronized void terminate(StreamErrorCondition condition, String text) {
        resumeRefused = true;
        if (state == State.ATTACHED) {
            transport.closeWithError(condition, text);
        } else if (state == State.DETACHED) {
            ending.endNow(this);
        }
    }

    /** XEP-0352: the client's state, applied in order with its stanzas. */
    synchronized void clientState(boolean active) {
        holds.clientState(active);
    }

    /** The connection cannot take more now ({@code true}), or can again: see {@link OutboundHolds}. */
    synchronized void congested(boolean congested) {
        holds.congested(congested);
    }

    // --- stream management (XEP-0198) ---

    /** Sends {@code enabled} and starts counting (§4: the outbound count starts after {@code <enabled/>}). */
    synchronized void enableStreamManagement(AckState state, XmlElement enabled) {
        transport.send(enabled);
        sm = state;
    }

    synchronized AckState streamManagement() {
        return sm;
    }

    synchronized void inboundHandled() {
        sm.inboundHandled();
    }

    /** The answer to {@code <r/>}: never withheld (§4). */
    synchronized XmlElement ackAnswer() {
        return SmElements.ack(sm.handled());
    }

    /** Applies the client's {@code <a h/>}; a count too high makes the session unresumable. */
    synchronized OutboundQueue.Ack acknowledge(long h) {
        OutboundQueue.Ack ack = sm.outbound().acknowledge(h);
        if (ack == OutboundQueue.Ack.TOO_HIGH) {
            resumeRefused = true;
        }
        return ack;
    }

    /** The connection of {@code from} is gone; {@code clean} when the client closed its stream (§7: no resumption). */
    synchronized Lost connectionLost(StreamTransport from, boolean clean) {
        if (state != State.ATTACHED || transport != from) {
            return Lost.NONE;
        }
        transport = null;
        cancelAckRequest();
        if (!clean && !resumeRefused && sm != null && sm.resumable()) {
            state = State.DETACHED;
            return Lost.DETACH;
        }
        state = State.ENDING;
        return Lost.END;
    }

    /** True when {@code h} acknowledges no more than was sent: resumption with it may go on (§6). */
    synchronized boolean acceptsAck(long h) {
        return sm != null && sm.outbound().acceptable(h);
    }

    /**
     * Starts a resumption: the current connection, if any, is closed with {@code conflict} (§5). Returns a stage that
     * completes once the old stream has processed all it received, or null when the session can no longer be resumed.
     */
    synchronized CompletionStage<Void> takeOver() {
        if (state != State.ATTACHED && state != State.DETACHED || resumeRefused) {
            return null;
        }
        if (state == State.ATTACHED) {
            transport.closeWithError(StreamErrorCondition.CONFLICT, "The session was resumed on another connection");
            transport = null;
            cancelAckRequest();
        }
        state = State.RESUMING;
        return settled;
    }

    /**
     * Completes a resumption on {@code to}: sends {@code resumed}, applies the client's 'h', resends what is still
     * unacknowledged (§5), and leaves client state active (XEP-0352 §6). False, changing nothing on {@code to}, when
     * the session may no longer be resumed: it is left detached, to be ended.
     */
    synchronized boolean resumeOn(StreamTransport to, CompletableFuture<Void> newSettled, long h,
                                  XmlElement resumed) {
        if (resumeRefused) { // replaced or removed while the old stream settled
            state = State.DETACHED;
            return false;
        }
        transport = to;
        settled = newSettled;
        state = State.ATTACHED;
        to.send(resumed);
        sm.outbound().acknowledge(h);
        for (Unacked unacked : sm.outbound().unacked()) {
            to.resend(unacked.stanza());
        }
        if (sm.outbound().size() > 0) {
            to.send(SmElements.request());
        }
        holds.resumed();
        return true;
    }

    /** Moves a detached session to ENDING; false when it was resumed or ended meanwhile. */
    synchronized boolean endDetached() {
        if (state != State.DETACHED) {
            return false;
        }
        state = State.ENDING;
        return true;
    }

    /** Ends the session: returns what it could not deliver (unacknowledged, then held back), oldest first. */
    synchronized List<Unacked> finish() {
        state = State.ENDED;
        cancelAckRequest();
        List<Stanza> heldBack = holds.clear();
        List<Unacked> left = new ArrayList<>(sm == null ? List.of() : sm.outbound().drain());
        heldBack.forEach(stanza -> left.add(new Unacked(stanza.element(), clock.instant())));
        return left;
    }

    synchronized State state() {
        return state;
    }

    @Override
    public String toString() {
        return jid.toString();
    }

    /** Counts, queues and writes one stanza; the end of the outbound path. */
    private void emit(Stanza stanza) {
        XmlElement element = stanza.element();
        if (state == State.ENDED || (state == State.ENDING && sm == null)) {
            ending.reroute(jid, new Unacked(element, clock.instant()));
            return;
        }
        if (sm == null) {
            transport.send(element);
            return;
        }
        if (!sm.outbound().add(element, clock.instant())) {
            overflowed(element);
            return;
        }
        if (transport != null) {
            transport.send(element);
            if (sm.sentOneDueForRequest()) {
                cancelAckRequest();
                transport.send(SmElements.request());
            } else if (ackRequest == null) {
                ackRequest = transport.schedule(this::requestAckWhenIdle, idleRequestDelay);
            }
        }
    }

    /** The client lets too much go unacknowledged: the session ends and nothing it holds is lost. */
    private void overflowed(XmlElement element) {
        resumeRefused = true;
        ending.reroute(jid, new Unacked(element, clock.instant()));
        if (state == State.ATTACHED) {
            transport.closeWithError(StreamErrorCondition.POLICY_VIOLATION, "Too many unacknowledged stanzas");
            ending.unbindNow(this);
        } else if (state == State.DETACHED) {
            ending.endNow(this);
        }
    }

    private synchronized void requestAckWhenIdle() {
        ackRequest = null;
        if (transport != null && sm.idleRequestDue()) {
            transport.send(SmElements.request());
        }
    }

    private void cancelAckRequest() {
        if (ackRequest != null) {
            ackRequest.cancel(false);
            ackRequest = null;
        }
    }

}
