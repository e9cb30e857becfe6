package dev.parley.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections per source address and in total. A connection over either limit is marked, not dropped
 * silently: the stream then ends with a {@code policy-violation} stream error telling the client why.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    static final AttributeKey<String> REFUSED = AttributeKey.valueOf("parley.refused");

    private final int perAddress;
    private final int total;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionLimiter(int perAddress, int total) {
        this.perAddress = perAddress;
        this.total = total;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = address(ctx);
        int fromAddress = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        int all = open.incrementAndGet();
        if (fromAddress > perAddress) {
            ctx.channel().attr(REFUSED).set("Too many connections from your address");
        } else if (all > total) {
            ctx.channel().attr(REFUSED).set("The server has too many connections");
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        byAddress.computeIfPresent(address(ctx), (a, count) -> count.decrementAndGet() == 0 ? null : count);
        super.channelInactive(ctx);
    }

    /** Open connections right now (for metrics and tests). */
    public int open() {
        return open.get();
    }

    private static InetAddress address(ChannelHandlerContext ctx) {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }
}
