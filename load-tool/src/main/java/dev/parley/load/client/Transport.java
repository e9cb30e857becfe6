package dev.parley.load.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load tool's network side: one small event-loop group (native epoll where available) that carries every
 * connection, the client TLS context, and the local source addresses connections are spread over. A loopback source
 * address has about 28,000 ephemeral ports, so large runs name several 127.x addresses.
 */
public final class Transport implements AutoCloseable {
    /** Connections stop being writable past this much unsent output; senders then skip rather than queue. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 128 * 1024);

    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelClass;
    private final SslContext sslContext;
    private final String tlsEngine;
    private final List<InetSocketAddress> sources;
    private final AtomicInteger nextSource = new AtomicInteger();

    public Transport(int threads, TlsEngine engine, List<String> sourceAddresses) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("load-io", true), factory);
        this.channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        SslProvider provider = switch (engine) {
            case OPENSSL -> SslProvider.OPENSSL;
            case JDK -> SslProvider.JDK;
            case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        };
        this.tlsEngine = (epoll ? "epoll" : "nio") + ", TLS " + provider;
        try {
            // Load, not security: every server under test has a throw-away certificate.
            this.sslContext = SslContextBuilder.forClient().sslProvider(provider)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3", "TLSv1.2").build();
        } catch (SSLException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot build the client TLS context: " + e.getMessage(), e);
        }
        this.sources = new ArrayList<>();
        for (String address : sourceAddresses) {
            sources.add(new InetSocketAddress(address, 0));
        }
    }

    public enum TlsEngine { AUTO, OPENSSL, JDK }

    /** Opens a TCP connection to {@code server} from the next source address, with {@code session} as its handler. */
    public ChannelFuture connect(InetSocketAddress server, XmppSession session) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(channelClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(session);
        if (sources.isEmpty()) {
            return bootstrap.connect(server);
        }
        InetSocketAddress source = sources.get(Math.floorMod(nextSource.getAndIncrement(), sources.size()));
        return bootstrap.connect(server, source);
    }

    /**
     * Runs {@code action} on every event loop and waits for it. Everything a loop did before is visible to the caller
     * afterwards, which is how scenarios read the counters the loops keep without locks.
     */
    public void onEachLoop(Runnable action) {
        for (EventExecutor loop : group) {
            loop.submit(action).syncUninterruptibly();
        }
    }

    public EventLoopGroup group() {
        return group;
    }

    public SslContext sslContext() {
        return sslContext;
    }

    /** What carries the traffic, e.g. "epoll, TLS OPENSSL", for the result line. */
    public String description() {
        return tlsEngine;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
