package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.PerLoop;
import dev.parley.load.client.SessionEvents;
import dev.parley.load.client.Transport;
import dev.parley.load.client.XmppSession;
import dev.parley.load.metrics.Latencies;
import dev.parley.load.metrics.Payload;
import dev.parley.load.metrics.SequenceLedger;
import dev.parley.xmpp.xml.XmlElement;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Message traffic between ready sessions: {@link Sender}s paced per event loop, and receivers that check each message's
 * {@link Payload} against a {@link SequenceLedger} and record its latency. Measurement windows open and close on every
 * loop, so what a window counts is exactly what arrived between the two.
 */
public final class Traffic implements SessionEvents {
    private static final String CLIENT = "jabber:client";

    private final Transport transport;
    private final PerLoop<LoopStats> stats;
    private final Map<EventExecutor, List<Sender>> senders = new IdentityHashMap<>();
    private final List<Sender> allSenders = new ArrayList<>();
    private final List<XmppSession> receivers = new ArrayList<>();
    private final Map<EventExecutor, Pacer> pacers = new IdentityHashMap<>();
    private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

    public Traffic(Transport transport) {
        this.transport = transport;
        this.stats = new PerLoop<>(transport, LoopStats::new);
    }

    /** Gives {@code session} a ledger so that it counts what it receives. */
    @Override
    public void ready(XmppSession session) {
        session.attach(new SequenceLedger());
    }

    @Override
    public void stanza(XmppSession session, XmlElement stanza) {
        if (stanza.name().equals("message")) {
            received(session, stanza);
        }
    }

    @Override
    public void ended(XmppSession session, String problem) {
        // Counted by the SessionOpener; lost messages show in the ledgers.
    }

    /** Records a message for {@code receiver}; true when it carried a test payload. */
    boolean received(XmppSession receiver, XmlElement message) {
        long now = System.nanoTime();
        Payload payload = Payload.decode(message.childText("body", CLIENT).orElse(null));
        if (payload == null || !(receiver.attachment() instanceof SequenceLedger ledger)) {
            return false;
        }
        if (ledger.record(payload.sender(), payload.sequence())) {
            LoopStats loop = stats.get(receiver.eventLoop());
            loop.completed++;
            Latencies.record(loop.latency, now - payload.sentAt());
        }
        return true;
    }

    /**
     * Before {@link #start}: {@code session} sends to {@code to}, numbering its messages as sender {@code number}; each
     * message should reach {@code recipients} receivers.
     */
    void addSender(XmppSession session, String to, String type, int number, int recipients) {
        Sender sender = new Sender(session, to, type, number, recipients);
        senders.computeIfAbsent(session.eventLoop(), loop -> new ArrayList<>()).add(sender);
        allSenders.add(sender);
    }

    /** Before {@link #start}: a session whose ledger counts towards the received totals. */
    void addReceiver(XmppSession session) {
        receivers.add(session);
    }

    /** Starts every loop's pacer at its share of {@code ratePerSecond}, ticking each millisecond. */
    void start(double ratePerSecond) {
        senders.forEach((loop, list) -> {
            Pacer pacer = new Pacer(list, stats.get(loop));
            pacers.put(loop, pacer);
            ticks.add(loop.scheduleAtFixedRate(pacer, 1, 1, TimeUnit.MILLISECONDS));
        });
        rate(ratePerSecond);
    }

    /** Changes the offered rate of every pacer to its share of {@code ratePerSecond}. */
    void rate(double ratePerSecond) {
        pacers.forEach((loop, pacer) -> {
            double share = ratePerSecond * senders.get(loop).size() / allSenders.size();
            loop.submit(() -> pacer.rate(share)).syncUninterruptibly();
        });
    }

    void stop() {
        ticks.forEach(tick -> tick.cancel(false));
        pacers.forEach((loop, pacer) -> loop.submit(() -> pacer.rate(0)).syncUninterruptibly());
    }

    /**
     * Opens a window, waits {@code length}, closes it and puts what it counted into {@code into}: completed deliveries,
     * skipped sends, the latency histogram, the window's seconds, and the server's and the tool's CPU seconds over it.
     */
    void measure(RunSettings run, Duration length, ObjectNode into) throws InterruptedException {
        stats.onEach(LoopStats::reset);
        long start = System.nanoTime();
        double serverCpu = run.serverCpuSeconds();
        double toolCpu = RunSettings.toolCpuSeconds();
        Thread.sleep(length.toMillis());
        Histogram latency = Latencies.newHistogram();
        long[] counts = new long[2];
        stats.onEach(loop -> {
            counts[0] += loop.completed;
            counts[1] += loop.skipped;
            latency.add(loop.latency);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        into.put("completed", counts[0]).put("skipped", counts[1]).put("windowSeconds", seconds)
                .put("latency", Latencies.encode(latency))
                .put("clientCpuSeconds", RunSettings.toolCpuSeconds() - toolCpu);
        if (!Double.isNaN(serverCpu)) {
            into.put("serverCpuSeconds", run.serverCpuSeconds() - serverCpu);
        }
    }

    /** Messages sent so far by all senders. */
    long sent() {
        transport.onEachLoop(() -> { });
        return allSenders.stream().mapToLong(Sender::sent).sum();
    }

    /** Deliveries owed for the messages sent so far. */
    long expected() {
        transport.onEachLoop(() -> { });
        return allSenders.stream().mapToLong(Sender::expected).sum();
    }

    /** Distinct messages the receivers have recorded so far. */
    long received() {
        transport.onEachLoop(() -> { });
        long total = 0;
        for (XmppSession receiver : receivers) {
            if (receiver.attachment() instanceof SequenceLedger ledger) {
                total += ledger.distinct();
            }
        }
        return total;
    }

    /** Puts duplicate and out-of-order counts over all receivers into {@code into}. */
    private void ordering(ObjectNode into) {
        transport.onEachLoop(() -> { });
        long duplicates = 0;
        long outOfOrder = 0;
        for (XmppSession receiver : receivers) {
            if (receiver.attachment() instanceof SequenceLedger ledger) {
                duplicates += ledger.duplicates();
                outOfOrder += ledger.outOfOrder();
            }
        }
        into.put("duplicates", duplicates).put("outOfOrder", outOfOrder);
    }

    /** Starts sending at {@code rate}, waits out {@code warmup}, then measures one window of {@code duration}. */
    void runFixedRate(RunSettings run, double rate, Duration warmup, Duration duration, ObjectNode line)
            throws InterruptedException {
        start(rate);
        Thread.sleep(warmup.toMillis());
        measure(run, duration, line);
        line.put("offeredPerSecond", rate);
    }

    /**
     * Stops sending, waits (within {@code drainLimit}) for what is still on its way, and puts the totals into
     * {@code line}: sent, deliveries expected and received, lost (expected and never received), duplicates, reorders.
     */
    void finish(Duration drainLimit, ObjectNode line) throws InterruptedException {
        stop();
        long expected = expected();
        long received = drain(expected, drainLimit);
        line.put("sent", sent()).put("expected", expected).put("received", received)
                .put("lost", Math.max(0, expected - received));
        ordering(line);
    }

    /** Waits until {@code expected} distinct deliveries arrived or {@code limit} passed; returns what arrived. */
    private long drain(long expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long received = received();
        while (received < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            received = received();
        }
        return received;
    }
}
