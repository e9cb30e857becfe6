package dev.parley.server.stream;

import dev.parley.server.session.ClientSession;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;

/**
 * The {@link ClientSession} of a bound client stream. Presence state is written on the stream's event loop and read by
 * routers on other loops, hence volatile; deliveries from other threads hop onto the stream's loop in order.
 */
final class StreamSession implements ClientSession {
    private final Jid jid;
    private final StreamTransport transport;
    private volatile boolean available;
    private volatile int priority;

    StreamSession(Jid jid, StreamTransport transport) {
        this.jid = jid;
        this.transport = transport;
    }

    @Override
    public Jid jid() {
        return jid;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public int priority() {
        return priority;
    }

    void presence(boolean available, int priority) {
        this.available = available;
        this.priority = priority;
    }

    @Override
    public void deliver(Stanza stanza) {
        transport.send(stanza.element());
    }

    @Override
    public void terminate(StreamErrorCondition condition, String text) {
        transport.closeWithError(condition, text);
    }

    @Override
    public String toString() {
        return jid.toString();
    }
}
