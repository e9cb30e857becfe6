package dev.parley.server.stream;

import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionPresence;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ClientSession} of a bound client stream. Deliveries from other threads hop onto the stream's loop in
 * order; the held-back messages of {@link #holdMessages()} live on that loop only, so they need no locks.
 */
final class StreamSession implements ClientSession {
    /** Most messages held back while stored ones are delivered; past it they go out at once, out of order. */
    static final int MAX_HELD = 10_000;

    private final Jid jid;
    private final StreamTransport transport;
    private final SessionPresence presence = new SessionPresence();
    private List<Stanza> held;

    StreamSession(Jid jid, StreamTransport transport) {
        this.jid = jid;
        this.transport = transport;
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
    public void deliver(Stanza stanza) {
        onLoop(() -> {
            if (held != null && stanza instanceof Message && held.size() < MAX_HELD) {
                held.add(stanza);
            } else {
                transport.send(stanza.element());
            }
        });
    }

    @Override
    public void holdMessages() {
        onLoop(() -> {
            if (held == null) {
                held = new ArrayList<>();
            }
        });
    }

    @Override
    public void deliverStored(Stanza stanza) {
        onLoop(() -> transport.send(stanza.element()));
    }

    @Override
    public void releaseMessages() {
        onLoop(() -> {
            List<Stanza> release = held;
            held = null;
            if (release != null) {
                release.forEach(stanza -> transport.send(stanza.element()));
            }
        });
    }

    @Override
    public void terminate(StreamErrorCondition condition, String text) {
        transport.closeWithError(condition, text);
    }

    @Override
    public String toString() {
        return jid.toString();
    }

    private void onLoop(Runnable task) {
        if (transport.inEventLoop()) {
            task.run();
        } else {
            transport.executor().execute(task);
        }
    }
}
