package dev.parley.server.transport;

import dev.parley.server.tls.ServerTls;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.sasl.ChannelBinding;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.StreamListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmppStreamParser;
import dev.parley.server.stream.ConnectionStream;
import dev.parley.server.stream.StreamTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One XMPP connection on Netty: bytes from the socket go through the hardened stream parser to the stream's state
 * machine ({@link StreamListener}); what the state machine sends is framed and written through its {@link WriteQueue}.
 * Implements {@link StreamTransport} so the protocol logic never sees Netty. Sending is safe from any thread (it hops
 * onto the connection's event loop, keeping the order of the send calls) and never waits; everything else runs on the
 * loop.
 *
 * <p>What waits for the peer is bounded ({@link WriteQueue}): when a send would take the bytes queued plus those the
 * channel has not written past the limit, the peer is not reading. Its stream is then closed with
 * {@code <policy-violation/>}: what was queued is dropped, the error goes after what the channel holds, the connection
 * closes once that is written or after {@link #CUT_OFF_GRACE}, and the stream is told at once that its connection is
 * lost, so the session ends or waits for resumption exactly as when a connection drops (with stream management the
 * dropped stanzas are still unacknowledged, and resent or routed again). Before that, the channel's writability tells
 * the stream when the peer falls behind ({@link ConnectionStream#writabilityChanged}), so presence can be coalesced.
 */
public final class XmppConnection extends ChannelInboundHandlerAdapter implements StreamTransport {
    private static final Logger log = LoggerFactory.getLogger(XmppConnection.class);
    /** How long a cut-off peer has to read what it was sent, its stream error last, before the socket closes. */
    static final Duration CUT_OFF_GRACE = Duration.ofSeconds(5);

    private final ServerTls tls;
    private final ParserLimits initialLimits;
    private final Function<StreamTransport, ConnectionStream> streamFactory;
    private final StreamWriter writer;
    private final int outboundBytes;
    private boolean streamLost;
    private ChannelHandlerContext ctx;
    private WriteQueue outbound;
    private ConnectionStream stream;
    private XmppStreamParser parser;
    private boolean headerSent;
    private boolean closing;
    private Map<String, ChannelBinding> channelBindings = Map.of();
    private boolean secured;

    /** @param outboundBytes most bytes that may wait for the peer before it is cut off */
    public XmppConnection(ServerTls tls, ParserLimits initialLimits, String contentNamespace, int outboundBytes,
                          Function<StreamTransport, ConnectionStream> streamFactory) {
        this.tls = tls;
        this.outboundBytes = outboundBytes;
        this.initialLimits = initialLimits;
        this.streamFactory = streamFactory;
        this.writer = new StreamWriter(contentNamespace);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.outbound = new WriteQueue(ctx, writer, outboundBytes, this::cutOff);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        stream = streamFactory.apply(this);
        parser = newParser(initialLimits);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (closing) {
                return;
            }
            for (ByteBuffer nio : buf.nioBuffers()) {
                parser.feed(nio);
            }
        } catch (StreamErrorException e) {
            closeWithError(e.condition(), e.text());
        } catch (RuntimeException e) {
            log.error("[{}] unexpected failure handling input", remoteAddress(), e);
            closeWithError(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
        } finally {
            buf.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                secured = true;
                channelBindings = ServerTls.channelBindings(ssl.engine());
            } else {
                log.debug("[{}] TLS handshake failed: {}", remoteAddress(), handshake.cause().toString());
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closing = true;
        outbound.discard();
        loseStream();
        super.channelInactive(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        outbound.writabilityChanged();
        // Told in a task of its own: the change comes in the middle of a write, possibly under the session's lock.
        ctx.executor().execute(() -> {
            if (stream != null && !streamLost) {
                stream.writabilityChanged(ctx.channel().isWritable());
            }
        });
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("[{}] connection error: {}", remoteAddress(), cause.toString());
        ctx.close();
    }

    @Override
    public void openStream(StreamHeader header) {
        headerSent = true;
        write(writer.header(header));
    }

    /** Encodes {@code element} on the calling thread; see {@link WriteQueue} for the order and the limit. */
    @Override
    public void send(XmlElement element) {
        outbound.send(element);
    }

    @Override
    public void resend(XmlElement element) {
        outbound.resend(element);
    }

    /** The peer let more than the limit wait for it: see the class comment. */
    private void cutOff() {
        if (closing) {
            return;
        }
        log.info("[{}] closing a stream whose client does not read: {} bytes wait for it", remoteAddress(),
                outbound.held());
        closing = true;
        outbound.discard();
        ctx.channel().config().setAutoRead(false);
        ByteBuf error = writer.error(StreamErrorCondition.POLICY_VIOLATION,
                "Too much waits for this client: it reads slower than it is sent to", null);
        ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
        ScheduledFuture<?> hardClose = schedule(ctx::close, CUT_OFF_GRACE);
        ctx.channel().closeFuture().addListener(closed -> hardClose.cancel(false));
        loseStream();
    }

    /** Tells the stream, once, that its connection is gone. */
    private void loseStream() {
        if (stream != null && !streamLost) {
            streamLost = true;
            stream.disconnected();
        }
    }

    @Override
    public void closeWithError(StreamErrorCondition condition, String text, XmlElement applicationCondition) {
        if (!inEventLoop()) {
            ctx.executor().execute(() -> closeWithError(condition, text, applicationCondition));
            return;
        }
        if (closing) {
            return;
        }
        if (!headerSent) {
            // RFC 6120 §4.9.1.2: an error before our header still needs one to be well-formed.
            openStream(new StreamHeader(null, null, null, null, "1.0", null));
        }
        log.debug("[{}] stream error {}: {}", remoteAddress(), condition.elementName(), text);
        finish(writer.error(condition, text, applicationCondition));
    }

    @Override
    public void close() {
        if (!closing) {
            finish(ByteBufUtil.writeUtf8(ctx.alloc(), writer.closing()));
        }
    }

    private void finish(ByteBuf lastWords) {
        outbound.drain(); // what was sent before the stream ends goes out before its last words
        closing = true;
        outbound.discard();
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(lastWords).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void startTls(XmlElement proceed, String serverName) {
        SslHandler ssl = new SslHandler(tls.contextFor(serverName).newEngine(ctx.alloc()), true);
        ctx.pipeline().addFirst("tls", ssl);
        send(proceed); // the SslHandler lets this first write pass in the clear
    }

    @Override
    public void restartStream(ParserLimits limits) {
        parser = newParser(limits);
    }

    @Override
    public boolean secured() {
        return secured;
    }

    @Override
    public Map<String, ChannelBinding> channelBindings() {
        return channelBindings;
    }

    @Override
    public void setReading(boolean reading) {
        ctx.channel().config().setAutoRead(reading);
    }

    @Override
    public Executor executor() {
        return ctx.executor();
    }

    @Override
    public boolean inEventLoop() {
        return ctx.executor().inEventLoop();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return ctx.executor().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(ctx.channel().remoteAddress());
    }

    private void write(CharSequence xml) {
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), xml), ctx.voidPromise());
    }

    /**
     * A parser whose events reach the stream only while it is the current parser: after a restart the old parser may
     * still be draining its last buffer, and those bytes belong to no stream.
     */
    private XmppStreamParser newParser(ParserLimits limits) {
        XmppStreamParser[] self = new XmppStreamParser[1];
        self[0] = new XmppStreamParser(limits, new StreamListener() {
            @Override
            public void streamOpened(StreamHeader header) throws StreamErrorException {
                if (self[0] == parser) {
                    String refused = ctx.channel().attr(ConnectionLimiter.REFUSED).get();
                    if (refused != null) {
                        throw new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION, refused);
                    }
                    stream.streamOpened(header);
                }
            }

            @Override
            public void element(XmlElement element) throws StreamErrorException {
                if (self[0] == parser) {
                    stream.element(element);
                }
            }

            @Override
            public void streamClosed() throws StreamErrorException {
                if (self[0] == parser) {
                    stream.streamClosed();
                }
            }
        });
        return self[0];
    }
}
