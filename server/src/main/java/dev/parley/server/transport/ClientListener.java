package dev.parley.server.transport;

import dev.parley.server.config.Listener;
import dev.parley.server.stream.ConnectionStream;
import dev.parley.server.stream.StreamTransport;
import dev.parley.server.tls.ServerTls;
import dev.parley.xmpp.xml.ParserLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SniHandler;

import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * A listening socket for client streams: plain with STARTTLS (RFC 6120 §5, port 5222) or direct TLS with SNI
 * (XEP-0368, port 5223).
 */
public final class ClientListener implements AutoCloseable {
    private final Channel channel;

    private ClientListener(Channel channel) {
        this.channel = channel;
    }

    public static ClientListener bind(EventLoops loops, Listener config, boolean directTls, ServerTls tls,
                                      ConnectionLimiter limiter, ParserLimits limits, String contentNamespace,
                                      int outboundBytes, Function<StreamTransport, ConnectionStream> streams) {
        // The channel turns unwritable well before the limit, so presence is coalesced before anyone is cut off. The
        // socket's send buffer is fixed to the same size: left to autotuning, the kernel would hold up to tcp_wmem's
        // maximum (4 MiB by default) for a client that does not read, outside any limit of ours.
        int high = Math.min(64 * 1024, outboundBytes / 4);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.acceptors(), loops.workers())
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.SO_SNDBUF, high)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("limits", limiter);
                        if (directTls) {
                            ch.pipeline().addLast("tls", new SniHandler(tls.sniMapping()));
                        }
                        ch.pipeline().addLast("xmpp", new XmppConnection(tls, limits, contentNamespace,
                                outboundBytes, streams));
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(config.address(), config.port())).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen for " + (directTls ? "direct TLS" : "STARTTLS")
                    + " clients on " + config.address() + ":" + config.port() + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        return new ClientListener(bound.channel());
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
