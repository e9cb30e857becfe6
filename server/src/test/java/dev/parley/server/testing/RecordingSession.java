package dev.parley.server.testing;

import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionPresence;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ClientSession} without a network for routing tests: it records what reaches the client, in order, and
 * holds back messages while stored ones are delivered exactly as the contract says.
 */
public final class RecordingSession implements ClientSession {
    private final Jid jid;
    private final SessionPresence presence = new SessionPresence();
    private final List<Stanza> received = new ArrayList<>();
    private List<Stanza> held;

    public RecordingSession(Jid jid) {
        this.jid = jid;
    }

    public RecordingSession(String jid) {
        this(Jid.parse(jid));
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
        if (held != null && stanza instanceof Message) {
            held.add(stanza);
        } else {
            received.add(stanza);
        }
    }

    @Override
    public synchronized void holdMessages() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    @Override
    public synchronized void deliverStored(Stanza stanza) {
        received.add(stanza);
    }

    @Override
    public synchronized void releaseMessages() {
        if (held != null) {
            received.addAll(held);
            held = null;
        }
    }

    @Override
    public void terminate(StreamErrorCondition condition, String text) {
        throw new UnsupportedOperationException("not needed by routing tests");
    }

    /** What reached the client so far, in order. */
    public synchronized List<Stanza> received() {
        return List.copyOf(received);
    }

    /** What reached the client so far, forgetting it. */
    public synchronized List<Stanza> take() {
        List<Stanza> taken = List.copyOf(received);
        received.clear();
        return taken;
    }

    @Override
    public String toString() {
        return jid.toString();
    }
}
