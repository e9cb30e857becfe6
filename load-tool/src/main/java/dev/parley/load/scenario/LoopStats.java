package dev.parley.load.scenario;

import dev.parley.load.metrics.Latencies;
import org.HdrHistogram.Histogram;

/** What one event loop counted since the current measurement window opened. Used on that loop only. */
final class LoopStats {
    long completed;
    long skipped;
    final Histogram latency = Latencies.newHistogram();

    void reset() {
        completed = 0;
        skipped = 0;
        latency.reset();
    }
}
