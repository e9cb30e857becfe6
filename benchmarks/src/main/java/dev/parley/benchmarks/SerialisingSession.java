package dev.parley.benchmarks;

import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionPresence;
import dev.parley.server.transport.ByteBufSink;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound client without a socket: every stanza delivered to it is serialised to UTF-8 bytes in the client namespace,
 * as a client connection writes it (into a Netty buffer of its own through {@link XmlWriter#writeUtf8}, which takes
 * the children's bytes from their memo), and then dropped. It
 * counts deliveries and bytes into counters shared by all the sessions of a benchmark, and keeps the last stanza it
 * got so a benchmark can check what arrived.
 */
final class SerialisingSession implements ClientSession {
    private static final String CLIENT_NAMESPACE = "jabber:client";

    private final Jid jid;
    private final SessionPresence presence = new SessionPresence();
    private final AtomicLong deliveries;
    private final AtomicLong bytes;
    private volatile Stanza last;

    SerialisingSession(Jid jid, AtomicLong deliveries, AtomicLong bytes) {
        this.jid = jid;
        this.deliveries = deliveries;
        this.bytes = bytes;
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
        ByteBuf buf = Unpooled.buffer(256);
        XmlWriter.writeUtf8(stanza.element(), CLIENT_NAMESPACE, new ByteBufSink(buf));
        bytes.addAndGet(buf.readableBytes());
        deliveries.incrementAndGet();
        last = stanza;
    }

    /** Serialises {@code stanza} in full as a string, then to bytes: what every copy cost before children were memoised. */
    void serialiseInFull(Stanza stanza) {
        bytes.addAndGet(XmlWriter.toBytes(stanza.element(), CLIENT_NAMESPACE).length);
        deliveries.incrementAndGet();
    }

    /** Nothing is ever held: stored messages are not part of fan-out. */
    @Override
    public void holdMessages() {
    }

    @Override
    public void deliverStored(Stanza stanza) {
        deliver(stanza);
    }

    @Override
    public void releaseMessages() {
    }

    @Override
    public void terminate(StreamErrorCondition condition, String text) {
        throw new IllegalStateException("the server ended " + jid + "'s stream: " + condition + " " + text);
    }

    /** The last stanza delivered, or null. */
    Stanza last() {
        return last;
    }
}
