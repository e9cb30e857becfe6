package dev.parley.server.transport;

import dev.parley.xmpp.xml.XmlElement;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one {@link XmppConnection} sends to its peer, between the senders and the socket (decision 0008): a stanza is
 * encoded on the sender's thread, its bytes are queued, and the event loop writes what is queued with one flush per
 * drain. One queue for all senders keeps the order of the send calls across threads: a stanza handed over on the loop
 * cannot overtake one handed over earlier from another thread (say, archive results before the IQ result that ends
 * them).
 *
 * <p>What waits here plus what the channel has not written is bounded by an {@link OutboundBudget}. The first send
 * that would go past it is refused, every later one is dropped without being encoded, and the connection is told once,
 * on its loop, to cut the peer off. A resend (a resumed session's unacknowledged stanzas) is never refused.
 *
 * <p>Separate from the connection because this is the part of it that senders on any thread run: sending is
 * thread-safe and never waits, while {@link #drain}, {@link #discard} and the connection's reading and closing run on
 * the event loop.
 */
final class WriteQueue {
    private final ChannelHandlerContext ctx;
    private final StreamWriter writer;
    private final OutboundBudget budget;
    /** The connection's reaction to a send past the budget; run once, on the loop. */
    private final Runnable overflowed;
    private final Queue<ByteBuf> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Set once the budget is exceeded: later sends are dropped without encoding. */
    private volatile boolean cutOff;
    /** The connection is closing: what is queued is dropped rather than written. Loop only. */
    private boolean discarding;

    /** @param limit most bytes that may wait for the peer; past it {@code overflowed} runs on the loop */
    WriteQueue(ChannelHandlerContext ctx, StreamWriter writer, long limit, Runnable overflowed) {
        this.ctx = ctx;
        this.writer = writer;
        this.budget = new OutboundBudget(limit, this::unwritten);
        this.overflowed = overflowed;
    }

    /** Encodes {@code element} on the calling thread and queues it, or cuts the peer off when it would not fit. */
    void send(XmlElement element) {
        if (cutOff) {
            return;
        }
        ByteBuf bytes = writer.element(element);
        if (!budget.reserve(bytes.readableBytes())) {
            bytes.release();
            cutOff = true;
            ctx.executor().execute(overflowed);
            return;
        }
        enqueue(bytes);
    }

    /** Like {@link #send}, but counted whatever the limit, which grows by as much until the peer has caught up. */
    void resend(XmlElement element) {
        if (cutOff) {
            return;
        }
        ByteBuf bytes = writer.element(element);
        budget.force(bytes.readableBytes());
        enqueue(bytes);
    }

    private void enqueue(ByteBuf bytes) {
        queued.add(bytes);
        if (ctx.executor().inEventLoop()) {
            drain();
        } else if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    /** Writes what is queued, in order, with one flush for the lot. Loop only. */
    void drain() {
        boolean written = false;
        for (ByteBuf bytes = queued.poll(); bytes != null; bytes = queued.poll()) {
            int size = bytes.readableBytes();
            if (discarding) {
                bytes.release();
            } else {
                ctx.write(bytes, ctx.voidPromise()); // counted by the channel before it leaves the budget's queue
                written = true;
            }
            budget.release(size);
        }
        if (written) {
            ctx.flush();
        }
        writabilityChanged();
    }

    /** The connection is closing: drops what is queued, and from now on whatever is sent. Loop only. */
    void discard() {
        discarding = true;
        for (ByteBuf bytes = queued.poll(); bytes != null; bytes = queued.poll()) {
            budget.release(bytes.readableBytes());
            bytes.release();
        }
    }

    /** The channel's writability may have changed: once it is writable with nothing queued, the peer has caught up. */
    void writabilityChanged() {
        if (queued.isEmpty() && ctx.channel().isWritable()) {
            budget.caughtUp();
        }
    }

    /** Bytes queued here plus those the channel has not written: what the peer costs now. */
    long held() {
        return budget.held();
    }

    /** What the channel holds and has not written to the socket; any thread. */
    private long unwritten() {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
