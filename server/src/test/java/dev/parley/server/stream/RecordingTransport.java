package dev.parley.server.stream;

import dev.parley.server.stream.sm.OutboundQueue.Unacked;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.sasl.ChannelBinding;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;

/** A transport on its own event loop that keeps what is sent, the stream error it was closed with, and timers. */
final class RecordingTransport implements StreamTransport {
    final List<XmlElement> sent = new ArrayList<>();
    final List<Runnable> timers = new ArrayList<>();
    StreamErrorCondition closedWith;

    /** A session on {@code transport} whose undeliverable stanzas land in {@code rerouted}. */
    static StreamSession session(String jid, StreamTransport transport, List<Unacked> rerouted) {
        SessionEnding ending = new SessionEnding() {
            @Override
            public void reroute(Jid session, Unacked stanza) {
                rerouted.add(stanza);
            }

            @Override
            public void unbindNow(StreamSession session) {
            }

            @Override
            public void endNow(StreamSession session) {
                session.endDetached();
            }
        };
        return new StreamSession(Jid.parse(jid), transport, new CompletableFuture<>(), ending,
                new SessionOptions(3, Duration.ofSeconds(30), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
    }

    List<String> ids() {
        return sent.stream().map(e -> e.attribute("id")).toList();
    }

    /** What was sent, as element names with ids ("message:m1", "r"). */
    List<String> names() {
        return sent.stream().map(e -> e.attribute("id") == null ? e.name() : e.name() + ":" + e.attribute("id"))
                .toList();
    }

    @Override
    public void send(XmlElement element) {
        sent.add(element);
    }

    @Override
    public void resend(XmlElement element) {
        send(element);
    }

    @Override
    public boolean inEventLoop() {
        return true;
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    @Override
    public void openStream(StreamHeader header) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void closeWithError(StreamErrorCondition condition, String text, XmlElement applicationCondition) {
        closedWith = condition;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void startTls(XmlElement proceed, String serverName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restartStream(ParserLimits limits) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean secured() {
        return true;
    }

    @Override
    public Map<String, ChannelBinding> channelBindings() {
        return Map.of();
    }

    @Override
    public void setReading(boolean reading) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        timers.add(task);
        return new NeverScheduled(task);
    }

    @Override
    public String remoteAddress() {
        return "test";
    }

    /** A timer the test fires by hand through {@link #timers}. */
    private static final class NeverScheduled extends FutureTask<Void> implements ScheduledFuture<Void> {
        NeverScheduled(Runnable task) {
            super(task, null);
        }

        @Override
        public long getDelay(java.util.concurrent.TimeUnit unit) {
            return Long.MAX_VALUE;
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return 0;
        }
    }
}
