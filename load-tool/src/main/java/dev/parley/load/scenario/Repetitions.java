package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.PerLoop;
import dev.parley.load.client.Transport;
import dev.parley.load.client.XmppSession;
import dev.parley.load.metrics.Latencies;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of attempts at one operation (a login, a resumption) run by a fixed number of workers, each starting
 * its next attempt when the last one ends. Counts successes with their latency per event loop, and failures by reason.
 */
final class Repetitions {
    private final int attempts;
    private final AtomicInteger claimed = new AtomicInteger();
    private final CountDownLatch settled;
    private final PerLoop<LoopStats> stats;
    private final AtomicInteger failures = new AtomicInteger();
    private final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();

    Repetitions(Transport transport, int attempts) {
        this.attempts = attempts;
        this.settled = new CountDownLatch(attempts);
        this.stats = new PerLoop<>(transport, LoopStats::new);
    }

    /** True when another attempt may start (and counts it as started). */
    boolean claim() {
        return claimed.getAndIncrement() < attempts;
    }

    /** An attempt succeeded on {@code session}, which took {@code nanos}; call on the session's loop. */
    void succeeded(XmppSession session, long nanos) {
        LoopStats loop = stats.get(session.eventLoop());
        loop.completed++;
        Latencies.record(loop.latency, nanos);
        settled.countDown();
    }

    void failed(String reason) {
        failures.incrementAndGet();
        String key = reason == null ? "closed" : reason.length() > 120 ? reason.substring(0, 120) : reason;
        reasons.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        settled.countDown();
    }

    /**
     * Starts the workers, waits for every attempt to settle (within {@code limit}) and puts the outcome into
     * {@code line}: completed, failures, the window and the server's CPU time over it, the latency histogram.
     */
    void run(RunSettings run, int workers, Runnable worker, Duration limit, ObjectNode line)
            throws InterruptedException {
        double serverCpu = run.serverCpuSeconds();
        double toolCpu = RunSettings.toolCpuSeconds();
        long start = System.nanoTime();
        for (int i = 0; i < Math.min(workers, attempts); i++) {
            worker.run();
        }
        settled.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!Double.isNaN(serverCpu)) {
            line.put("serverCpuSeconds", run.serverCpuSeconds() - serverCpu);
        }
        line.put("clientCpuSeconds", RunSettings.toolCpuSeconds() - toolCpu);
        Histogram latency = Latencies.newHistogram();
        long[] completed = new long[1];
        stats.onEach(loop -> {
            completed[0] += loop.completed;
            latency.add(loop.latency);
        });
        line.put("completed", completed[0]).put("failures", failures.get()).put("windowSeconds", seconds)
                .put("latency", Latencies.encode(latency));
        Map<String, Integer> sorted = new TreeMap<>();
        reasons.forEach((reason, count) -> sorted.put(reason, count.get()));
        line.putPOJO("problems", sorted);
    }
}
