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

/**
 * One client connection and its negotiation, as a state machine on its event loop: stream (RFC 6120 §4), STARTTLS
 * (§5), SASL (§6, see {@link SaslExchange}), resource binding (§7), the legacy session when a server requires it
 * (RFC 3921 §3), then, by {@link Goal}, stream management (XEP-0198 §3 enable, §5 resume) and initial presence
 * (RFC 6121 §4.2). Once ready it answers IQ requests and acknowledgement requests itself and passes other stanzas to
 * its {@link SessionEvents}. The server's output is read with Parley's own stream parser.
 */
public final class XmppSession extends ChannelInboundHandlerAdapter implements StreamListener {
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

    private enum Phase { CONNECTING, FEATURES, STARTTLS, HANDSHAKE, SECURE_FEATURES, SASL, AUTHED_FEATURES, BIND,
        LEGACY_SESSION, SM_ENABLE, RESUME, READY, ENDED }

    private static final ParserLimits LIMITS = new ParserLimits(1 << 20, 64, 64, 8192);
    private static final String STREAMS = StreamHeader.STREAM_NAMESPACE;
    private static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    private static final String LEGACY_SESSION_NS = "urn:ietf:params:xml:ns:xmpp-session";

    private final ClientContext context;
    private final String username;
    private final String resource;
    private final Goal goal;
    private final SessionEvents events;
    private final long startNanos = System.nanoTime();
    private volatile EventLoop eventLoop;
    /** Set on the event loop when the connection is registered; read there only. */
    private Channel channel;
    private XmppStreamParser parser;
    private Phase phase = Phase.CONNECTING;
    private SaslExchange sasl;
    private XmlElement authedFeatures;
    private String jid;
    private String smId;
    private boolean smCounting;
    private long handled;
    private long readyNanos;
    private boolean closing;
    private Object attachment;

    private XmppSession(ClientContext context, String username, String resource, Goal goal, String previd,
                        long handled, SessionEvents events) {
        this.context = context;
        this.username = username;
        this.resource = resource;
        this.goal = goal;
        this.events = events;
        this.smId = previd;
        this.handled = handled;
    }

    /** Connects and negotiates as {@code username}; the outcome arrives through {@code events}. */
    public static XmppSession open(ClientContext context, String username, String resource, Goal goal,
                                   SessionEvents events) {
        if (goal == Goal.RESUMED) {
            throw new IllegalArgumentException("use resume() to resume a session");
        }
        return new XmppSession(context, username, resource, goal, null, 0, events).connect();
    }

    /** Connects anew and resumes {@code previous} (which must have had resumption enabled). */
    public static XmppSession resume(XmppSession previous, SessionEvents events) {
        if (previous.smId == null) {
            throw new IllegalArgumentException("the previous session has no stream management");
        }
        return new XmppSession(previous.context, previous.username, previous.resource, Goal.RESUMED, previous.smId,
                previous.handled, events).connect();
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
        return jid;
    }

    public boolean isReady() {
        return phase == Phase.READY;
    }

    /** True once the session had reached its goal, even if it has ended since. */
    public boolean wasReady() {
        return readyNanos != 0;
    }

    /** The SASL mechanism this session authenticated with, or null before authentication started. */
    public String mechanism() {
        return sasl == null ? null : sasl.mechanism();
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
        return phase == Phase.READY && channel.isWritable();
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
            if (phase == Phase.READY) {
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
        phase = Phase.FEATURES;
        openStream();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            for (ByteBuffer part : buf.nioBuffers()) {
                if (phase == Phase.ENDED) {
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
            if (!handshake.isSuccess()) {
                fail("TLS handshake failed: " + handshake.cause().getMessage());
                return;
            }
            phase = Phase.SECURE_FEATURES;
            openStream();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(closing ? null : "the server closed the connection" + (phase == Phase.READY ? "" : " during " + phase));
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
    public void streamClosed() {
        fail(closing ? null : "the server closed the stream during " + phase);
    }

    @Override
    public void element(XmlElement element) {
        if (element.is("error", STREAMS)) {
            fail("stream error: " + element.firstChild().map(XmlElement::name).orElse("undefined"));
            return;
        }
        switch (phase) {
            case FEATURES -> {
                if (!isFeatures(element) || element.child("starttls", TLS).isEmpty()) {
                    fail("the server offers no STARTTLS");
                    return;
                }
                sendNow(Stanzas.STARTTLS);
                phase = Phase.STARTTLS;
            }
            case STARTTLS -> {
                if (!element.is("proceed", TLS)) {
                    fail("STARTTLS refused");
                    return;
                }
                phase = Phase.HANDSHAKE;
                channel.pipeline().addFirst("tls", context.transport().sslContext().newHandler(channel.alloc()));
            }
            case SECURE_FEATURES -> startSasl(element);
            case SASL -> continueSasl(element);
            case AUTHED_FEATURES -> bindOrResume(element);
            case BIND, LEGACY_SESSION -> bound(element);
            case SM_ENABLE -> smEnabled(element);
            case RESUME -> resumed(element);
            case READY -> dispatch(element);
            default -> fail("unexpected <" + element.name() + "> during " + phase);
        }
    }

    private void startSasl(XmlElement features) {
        sasl = isFeatures(features) ? SaslExchange.choose(context, username, features) : null;
        if (sasl == null) {
            fail("no SASL mechanism in common (offered: " + SaslExchange.offered(features) + ")");
            return;
        }
        phase = Phase.SASL;
        sendNow(sasl.start());
    }

    private void continueSasl(XmlElement element) {
        SaslExchange.Step step = sasl.receive(element);
        switch (step) {
            case SaslExchange.Respond respond -> respond.response().whenCompleteAsync((xml, failure) -> {
                if (failure != null) {
                    fail("SASL: " + failure.getMessage());
                } else if (phase == Phase.SASL) {
                    sendNow(xml);
                }
            }, channel.eventLoop());
            case SaslExchange.Succeeded succeeded -> {
                phase = Phase.AUTHED_FEATURES;
                openStream();
            }
            case SaslExchange.Failed failed -> fail("authentication failed: " + failed.reason());
        }
    }

    private void bindOrResume(XmlElement features) {
        boolean smOffered = features.child("sm", Stanzas.SM).isPresent();
        if (goal == Goal.RESUMED || goal == Goal.RESUMABLE) {
            if (!smOffered) {
                fail("the server offers no stream management (XEP-0198)");
                return;
            }
        }
        if (goal == Goal.RESUMED) {
            phase = Phase.RESUME;
            sendNow(Stanzas.resume(smId, handled));
            return;
        }
        authedFeatures = features;
        phase = Phase.BIND;
        sendNow(Stanzas.bind("bind", resource));
    }

    private void bound(XmlElement iq) {
        if (!iq.is("iq", "jabber:client") || !"result".equals(iq.attribute("type"))) {
            fail((phase == Phase.BIND ? "resource binding" : "session establishment") + " refused");
            return;
        }
        if (phase == Phase.BIND) {
            jid = iq.elements().findFirst().flatMap(bind -> bind.elements().findFirst()).map(XmlElement::text)
                    .orElse(null);
            boolean sessionRequired = authedFeatures.child("session", LEGACY_SESSION_NS)
                    .map(session -> session.elements().noneMatch(child -> child.name().equals("optional")))
                    .orElse(false);
            if (sessionRequired) {
                phase = Phase.LEGACY_SESSION;
                sendNow(Stanzas.legacySession("session"));
                return;
            }
        }
        if (goal == Goal.RESUMABLE) {
            phase = Phase.SM_ENABLE;
            sendNow(Stanzas.SM_ENABLE);
            return;
        }
        becomeReady();
    }

    private void smEnabled(XmlElement answer) {
        String resume = answer.attribute("resume");
        if (!answer.is("enabled", Stanzas.SM) || answer.attribute("id") == null
                || !("true".equals(resume) || "1".equals(resume))) {
            fail("stream management with resumption was not enabled");
            return;
        }
        smId = answer.attribute("id");
        smCounting = true;
        becomeReady();
    }

    private void resumed(XmlElement answer) {
        if (!answer.is("resumed", Stanzas.SM)) {
            fail("resumption refused: " + answer.firstChild().map(XmlElement::name).orElse(answer.name()));
            return;
        }
        smCounting = true;
        becomeReady();
    }

    private void becomeReady() {
        if (goal == Goal.AVAILABLE || goal == Goal.RESUMABLE) {
            sendNow(Stanzas.INITIAL_PRESENCE);
        }
        phase = Phase.READY;
        readyNanos = System.nanoTime();
        events.ready(this);
    }

    private void dispatch(XmlElement element) {
        String name = element.name();
        boolean stanza = name.equals("message") || name.equals("presence") || name.equals("iq");
        if (smCounting && stanza) {
            handled++;
        }
        if (element.is("r", Stanzas.SM)) {
            sendNow(Stanzas.ack(handled));
        } else if (name.equals("iq") && ("get".equals(element.attribute("type"))
                || "set".equals(element.attribute("type")))) {
            boolean ping = element.child("ping", "urn:xmpp:ping").isPresent();
            sendNow(Stanzas.iqAnswer(element.attribute("from"), String.valueOf(element.attribute("id")), ping));
        } else if (stanza) {
            events.stanza(this, element);
        }
    }

    private void openStream() {
        parser = new XmppStreamParser(LIMITS, this);
        sendNow(Stanzas.streamHeader(context.domain()));
    }

    private void sendNow(String xml) {
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), xml), channel.voidPromise());
    }

    private static boolean isFeatures(XmlElement element) {
        return element.is("features", STREAMS);
    }

    private void fail(String problem) {
        if (phase != Phase.ENDED) {
            end(problem);
            if (channel != null) {
                channel.close();
            }
        }
    }

    private void end(String problem) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        events.ended(this, problem);
    }
}
