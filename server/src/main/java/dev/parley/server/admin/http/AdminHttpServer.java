package dev.parley.server.admin.http;

import dev.parley.server.admin.AdminCommands;
import dev.parley.server.config.Listener;
import dev.parley.server.transport.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

/**
 * The local admin interface: a small JSON-over-HTTP API on the {@code admin} listener (loopback by default) through
 * which the CLI and scripts run admin commands on a running server. Callers authenticate with the bearer token the
 * server writes to {@code <data-dir>/admin.token} at start (see {@link AdminEndpoint}); the files are removed on close.
 */
public final class AdminHttpServer implements AutoCloseable {
    /** Largest accepted request body; bigger ones get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(AdminHttpServer.class);
    private static final int MAX_INITIAL_LINE_BYTES = 4096;
    private static final int MAX_HEADER_BYTES = 8192;
    private static final int READ_TIMEOUT_SECONDS = 60;

    private final Channel channel;
    private final ChannelGroup connections;
    private final Path dataDir;
    private final AdminEndpoint endpoint;

    private AdminHttpServer(Channel channel, ChannelGroup connections, Path dataDir, AdminEndpoint endpoint) {
        this.channel = channel;
        this.connections = connections;
        this.dataDir = dataDir;
        this.endpoint = endpoint;
    }

    /**
     * Binds the listener on {@code loops}, then publishes its address and a new token in {@code dataDir}.
     */
    public static AdminHttpServer start(EventLoops loops, Listener config, AdminCommands commands, Path dataDir) {
        Routes routes = new Routes();
        new CommandsApi(commands).register(routes);
        String token = AdminEndpoint.newToken();
        // The one token there is belongs to whoever can read the data directory: the server's operator.
        EnumSet<Permission> granted = EnumSet.allOf(Permission.class);
        ChannelGroup connections = new DefaultChannelGroup("parley-admin", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.acceptors(), loops.workers())
                .channel(loops.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline()
                                .addLast("timeout", new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
                                        .setMaxHeaderSize(MAX_HEADER_BYTES)))
                                .addLast("aggregate", new HttpObjectAggregator(MAX_BODY_BYTES))
                                .addLast("admin", new AdminRequestHandler(routes, token, granted));
                    }
                });
        Channel channel = bootstrap.bind(new InetSocketAddress(config.address(), config.port()))
                .syncUninterruptibly().channel();
        InetSocketAddress bound = (InetSocketAddress) channel.localAddress();
        AdminEndpoint endpoint = new AdminEndpoint(AdminEndpoint.uriFor(bound), token);
        try {
            endpoint.publish(dataDir);
        } catch (RuntimeException e) {
            channel.close().syncUninterruptibly();
            throw e;
        }
        if (!bound.getAddress().isLoopbackAddress()) {
            log.warn("The admin interface listens on {}, beyond this machine: its token and the passwords sent to it "
                    + "cross the network unencrypted", bound);
        }
        return new AdminHttpServer(channel, connections, dataDir, endpoint);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Where local tools reach this interface, and the token they present. */
    public AdminEndpoint endpoint() {
        return endpoint;
    }

    /** The bound address as {@code host:port}, for logs and the start banner. */
    public String address() {
        return endpoint.uri().getAuthority();
    }

    /** Withdraws the published address and token, then stops listening and closes open connections. */
    @Override
    public void close() {
        try {
            AdminEndpoint.withdraw(dataDir);
        } catch (UncheckedIOException e) {
            log.warn("{}", e.getMessage());
        }
        channel.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
    }
}
