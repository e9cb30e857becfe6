package dev.parley.load.client;

import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.StreamListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmppStreamParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * One client connection on its event loop: the TCP connection, TLS, the XML stream read with Parley's own stream
 * parser (RFC 6120 §4), and the {@link Negotiation} that takes it to its {@link Goal}. Scenarios send through it once
 * it is ready and hear about it through their {@link SessionEvents}.
 */
public final class XmppSession extends ChannelInboundHandlerAdapter implements StreamListener, Negotiation.Connection {
    /** How far a session goes before it reports itself ready. */
    public enum Goal {
        /** A full login: TLS, SASL, bind; then nothing else. */
        BOUND,
        /** Bound, then initial presence, so that messages to the bare JID reach it. */
        AVAILABLE,
        /** Bound, stream management enabled with resumption, then initial presence. */
        RESUMABLE,
        /** Authenticated, then a previous session resumed instead of binding. */
        RESUMED
    }

    private static final ParserLimits LIMITS = new ParserLimits(1 << 20, 64, 64, 8192);

    private final ClientContext context;
    private final String username;
    private final String resource;
    private final SessionEvents events;
    private final Negotiation negotiation;
    private final long startNanos = System.nanoTime();
    private volatile EventLoop eventLoop;
    /** Set on the event loop when the connection is registered; used there only. */
    private Channel channel;
    private XmppStreamParser parser;
    private long readyNanos;
    private boolean closing;
    private boolean ended;
    private Object attachment;

    private XmppSession(ClientContext context, String username, String resource, Goal goal, String previd,
                        long handled, SessionEvents events) {
        this.context = context;
        this.username = username;
        this.resource = resource;
        this.events = events;
        this.negotiation = new Negotiation(context, username, resource, goal, previd, handled, this);
    }

    /** Connects and negotiates as {@code username}; the outcome arrives through {@code events}. */
    public static XmppSession open(ClientContext context, String username, String resource, Goal goal,
                                   SessionEvents events) {
        if (goal == Goal.RESUMED) {
            throw new IllegalArgumentException("use resume() to resume a session");
        }
        return new XmppSession(context, username, resource, goal, null, 0, events).connect();
    }

    /** Connects anew and resumes {@code previous} (which must have had resumption enabled); on its event loop. */
    public static XmppSession resume(XmppSession previous, SessionEvents events) {
        if (previous.negotiation.smId() == null) {
            throw new IllegalArgumentException("the previous session has no stream management");
        }
        return new XmppSession(previous.context, previous.username, previous.resource, Goal.RESUMED,
                previous.negotiation.smId(), previous.negotiation.handled(), events).connect();
    }

    private XmppSession connect() {
        eventLoop = context.transport().connect(context.server(), this).addListener(done -> {
            if (!done.isSuccess()) {
                end("cannot connect: " + done.cause().getMessage());
            }
        }).channel().eventLoop();
        return this;
    }

    /** The loop every event of this session runs on. */
    public EventLoop eventLoop() {
        return eventLoop;
    }

    public String username() {
        return username;
    }

    /** The full JID the server bound, or null before binding (or for a resumed session). */
    public String jid() {
        return negotiation.jid();
    }

    public boolean isReady() {
        return !ended && negotiation.isReady();
    }

    /** True once the session had reached its goal, even if it has ended since. */
    public boolean wasReady() {
        return readyNanos != 0;
    }

    /** The SASL mechanism this session authenticated with, or null before authentication started. */
    public String mechanism() {
        return negotiation.mechanism();
    }

    /** Nanoseconds from the connection attempt to readiness. */
    public long setupNanos() {
        return readyNanos - startNanos;
    }

    /** Whatever the scenario wants to keep with this session. */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /** True while the connection takes more output without queueing past its high-water mark. */
    public boolean isWritable() {
        return isReady() && channel.isWritable();
    }

    /** Queues {@code xml} for sending; {@link #flush()} sends what was queued. Call on the event loop. */
    public void send(String xml) {
        channel.write(ByteBufUtil.writeUtf8(channel.alloc(), xml), channel.voidPromise());
    }

    public void flush() {
        channel.flush();
    }

    /** Sends {@code xml} from any thread: queued and flushed on the session's event loop. */
    public void post(String xml) {
        eventLoop.execute(() -> {
            if (isReady()) {
                sendNow(xml);
            }
        });
    }

    /** Ends the stream politely and closes the connection. */
    public void close() {
        closing = true;
        if (channel.isActive()) {
            channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), Stanzas.STREAM_END))
                    .addListener(done -> channel.close());
        } else {
            channel.close();
        }
    }

    /** Drops the connection without ending the stream, as a client that loses its network does. */
    public void abort() {
        closing = true;
        channel.close();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        restartStream();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            for (ByteBuffer part : buf.nioBuffers()) {
                if (ended) {
                    return;
                }
                parser.feed(part);
            }
        } catch (StreamErrorException e) {
            fail("unreadable server output: " + e.getMessage());
        } finally {
            buf.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                negotiation.secured();
            } else {
                fail("TLS handshake failed: " + handshake.cause().getMessage());
                return;
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(closing ? null : "the server closed the connection"
                + (negotiation.isReady() ? "" : " during " + negotiation.phase()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(closing ? null : cause.toString());
    }

    @Override
    public void streamOpened(StreamHeader header) {
        // Nothing to check: the features that follow say what the server offers.
    }

    @Override
    public void element(XmlElement element) {
        negotiation.element(element);
    }

    @Override
    public void streamClosed() {
        fail(closing ? null : "the server closed the stream during " + negotiation.phase());
    }

    @Override
    public void sendNow(String xml) {
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), xml), channel.voidPromise());
    }

    @Override
    public void startTls() {
        channel.pipeline().addFirst("tls", context.transport().sslContext().newHandler(channel.alloc()));
    }

    @Override
    public void restartStream() {
        parser = new XmppStreamParser(LIMITS, this);
        sendNow(Stanzas.streamHeader(context.domain()));
    }

    @Override
    public void ready() {
        readyNanos = System.nanoTime();
        events.ready(this);
    }

    @Override
    public void stanza(XmlElement stanza) {
        events.stanza(this, stanza);
    }

    @Override
    public void fail(String problem) {
        if (!ended) {
            end(problem);
            if (channel != null) {
                channel.close();
            }
        }
    }

    @Override
    public Executor executor() {
        return eventLoop;
    }

    private void end(String problem) {
        if (ended) {
            return;
        }
        ended = true;
        events.ended(this, problem);
    }
}
