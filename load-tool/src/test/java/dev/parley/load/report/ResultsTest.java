package dev.parley.load.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.metrics.Latencies;
import dev.parley.load.scenario.Shard;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTest {
    private static ObjectNode shardLine(long completed, double window, double serverCpu, long... latenciesNanos) {
        Histogram histogram = Latencies.newHistogram();
        for (long nanos : latenciesNanos) {
            Latencies.record(histogram, nanos);
        }
        ObjectNode line = Results.start("chat", "parley", "test");
        line.put("completed", completed).put("sent", completed).put("lost", 1).put("windowSeconds", window)
                .put("serverCpuSeconds", serverCpu).put("offeredPerSecond", 50.0)
                .put("latency", Latencies.encode(histogram));
        Results.derive(line);
        return line;
    }

    @Test
    void shardsMergeIntoWhatOneProcessWouldHaveMeasured() {
        ObjectNode merged = Results.merge(List.of(shardLine(100, 10, 0.5, 1_000_000, 2_000_000),
                shardLine(300, 9.5, 0.6, 3_000_000)));

        assertThat(merged.get("shards").asInt()).isEqualTo(2);
        assertThat(merged.get("completed").asLong()).isEqualTo(400);
        assertThat(merged.get("lost").asLong()).isEqualTo(2);
        assertThat(merged.get("offeredPerSecond").asDouble()).isEqualTo(100);
        // One server under both shards: its CPU over the common window is the larger reading, not the sum.
        assertThat(merged.get("serverCpuSeconds").asDouble()).isEqualTo(0.6);
        assertThat(merged.get("derived").get("perSecond").asDouble()).isEqualTo(40);
        assertThat(merged.get("derived").get("serverCpuMicrosPerOp").asDouble()).isEqualTo(1500);
        assertThat(merged.get("derived").get("latencyMs").get("count").asLong()).isEqualTo(3);
        assertThat(merged.get("derived").get("latencyMs").get("max").asDouble()).isBetween(2.99, 3.01);
    }

    @Test
    void idleMemoryIsPerSession() {
        ObjectNode line = Results.start("idle", "prosody", "test");
        line.put("sessions", 1000).put("rssBeforeBytes", 10_000_000).put("rssAfterBytes", 60_000_000);

        assertThat(Results.derive(line).get("bytesPerSession").asLong()).isEqualTo(50_000);
    }

    @Test
    void theTableShowsEachServerAndTheBaselinesRatios() {
        ObjectNode parley = Results.start("logins", "parley", "test");
        parley.put("completed", 200).put("windowSeconds", 1.0).put("serverCpuSeconds", 0.1);
        ObjectNode peer = Results.start("logins", "peer", "test");
        peer.put("completed", 100).put("windowSeconds", 1.0).put("serverCpuSeconds", 0.4);
        ObjectNode missing = Results.unsupported("resume", "parley", "no stream management");
        ObjectNode peerResume = Results.start("resume", "peer", "test");
        peerResume.put("completed", 10).put("windowSeconds", 1.0);
        List<ObjectNode> lines = List.of(parley, peer, missing, peerResume);
        lines.forEach(Results::derive);

        String table = ComparisonTable.render(lines, "parley", null);

        assertThat(table).contains("| logins | logins/s | higher | 200 | 100 | 2.00× |");
        assertThat(table).contains("| logins | server CPU per login (ms) | lower | 0.500 | 4 | 0.13× |");
        assertThat(table).contains("| resume | resumptions/s | higher | not supported | 10 | – |");
        assertThat(table).contains("resume on parley: not supported (no stream management)");
    }

    @Test
    void shardsSplitWorkWithoutGapsOrOverlaps() {
        int total = 0;
        for (int i = 0; i < 3; i++) {
            Shard shard = Shard.parse(i + "/3");
            assertThat(shard.from(10)).isEqualTo(total);
            total = shard.to(10);
        }
        assertThat(total).isEqualTo(10);
    }
}
