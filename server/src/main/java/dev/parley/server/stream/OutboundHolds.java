package dev.parley.server.stream;

import dev.parley.server.stream.sm.CsiFilter;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@link StreamSession} holds back from its client before counting and writing it, in the order a stanza
 * passes: messages held while stored ones go first ({@link #holdMessages}); the client-state rules (XEP-0352 §4-§5:
 * while the client is inactive broadcast presence waits, only the latest per sender, and messages carrying only chat
 * states are dropped); then the same rules applied for the server's sake while the connection is congested (decision
 * 0008: the client reads slower than it is sent to, so a presence flood to it stays bounded by the number of
 * senders). What passes goes to the session's {@code emit}, which counts it for stream management, so the XEP-0198
 * count matches what the client receives.
 *
 * <p>Separate from the session, which owns its life cycle, stream management and connection; these holds only decide
 * when a stanza may go on. Not thread-safe: called only under the session's lock.
 */
final class OutboundHolds {
    /** Most messages held back while stored ones are delivered; past it they go out at once, out of order. */
    static final int MAX_HELD = 10_000;

    private final CsiFilter csi;
    /** What waits while the connection is congested: the client-state rules, applied for the server's sake. */
    private final CsiFilter backlog;
    private final Consumer<Stanza> emit;
    private List<Stanza> held;

    /** @param emit the end of the outbound path: counts, queues and writes */
    OutboundHolds(int heldPresences, Consumer<Stanza> emit) {
        this.csi = new CsiFilter(heldPresences);
        this.backlog = new CsiFilter(heldPresences);
        this.emit = emit;
    }

    void deliver(Stanza stanza) {
        if (held != null && stanza instanceof Message && held.size() < MAX_HELD) {
            held.add(stanza);
        } else {
            csi.offer(stanza, this::pass);
        }
    }

    void holdMessages() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** A stored message, which goes before those held back meanwhile. */
    void deliverStored(Stanza stanza) {
        csi.offer(stanza, this::pass);
    }

    void releaseMessages() {
        List<Stanza> release = held;
        held = null;
        if (release != null) {
            release.forEach(stanza -> csi.offer(stanza, this::pass));
        }
    }

    /** Lets out what client state and congestion hold, keeping their state: what goes out next must not overtake it. */
    void releasePresence() {
        csi.release(this::pass);
        backlog.release(emit);
    }

    /** XEP-0352: the client's state. */
    void clientState(boolean active) {
        if (active) {
            csi.activate(this::pass);
        } else {
            csi.inactivate();
        }
    }

    /** The connection cannot take more now ({@code true}), or can again: then what waited goes out. */
    void congested(boolean congested) {
        if (congested) {
            backlog.inactivate();
        } else {
            backlog.activate(emit);
        }
    }

    /** The session is on a new connection: what waited for the old one goes out, and client state is active (§6). */
    void resumed() {
        backlog.activate(emit);
        csi.activate(this::pass);
    }

    /** The session ends: forgets held presence (never bounced) and returns the messages held back, oldest first. */
    List<Stanza> clear() {
        csi.clear();
        backlog.clear();
        List<Stanza> messages = held == null ? List.of() : held;
        held = null;
        return messages;
    }

    /** Past the client-state filter: on through the congestion filter. */
    private void pass(Stanza stanza) {
        backlog.offer(stanza, emit);
    }
}
