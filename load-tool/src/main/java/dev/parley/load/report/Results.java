package dev.parley.load.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.metrics.Latencies;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON result line of a scenario. A line holds raw measurements (counts, seconds, bytes, an encoded latency
 * histogram) and, under {@code derived}, the figures computed from them. Shards' lines merge by their raw fields, and
 * the figures are derived again from the merged ones, so a merged line is what one process would have measured.
 */
public final class Results {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** Raw fields summed over shards: each shard counts its own sessions and messages. */
    static final Set<String> SUMMED = Set.of("shards", "sessions", "failures", "dropped", "sent", "expected",
            "received", "duplicates", "outOfOrder", "lost", "skipped", "completed", "clientCpuSeconds", "offeredPerSecond");
    /**
     * Raw fields taken as the maximum: shards run at the same time against one server, so the window is the longest
     * one and the server's CPU time over it is the largest reading, not a sum.
     */
    static final Set<String> MAXIMUM = Set.of("windowSeconds", "serverCpuSeconds", "rssAfterBytes");

    private Results() {
    }

    public static ObjectNode start(String scenario, String label, String transport) {
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", scenario).put("label", label).put("supported", true).put("shards", 1);
        line.put("transport", transport);
        return line;
    }

    /** A line for a scenario the server cannot run, saying why. */
    public static ObjectNode unsupported(String scenario, String label, String reason) {
        ObjectNode line = JSON.createObjectNode();
        line.put("scenario", scenario).put("label", label).put("supported", false).put("reason", reason)
                .put("shards", 1);
        return line;
    }

    /** Puts the figures derived from {@code line}'s raw fields under {@code derived} (and into each step). */
    public static ObjectNode derive(ObjectNode line) {
        ObjectNode derived = line.putObject("derived");
        double window = line.path("windowSeconds").asDouble(0);
        long completed = line.path("completed").asLong(0);
        if (window > 0 && line.has("completed")) {
            derived.put("perSecond", round(completed / window));
        }
        if (line.has("latency")) {
            Histogram histogram = Latencies.decode(line.get("latency").asText());
            ObjectNode latency = derived.putObject("latencyMs");
            latency.put("count", histogram.getTotalCount());
            if (histogram.getTotalCount() > 0) {
                latency.put("p50", millis(histogram.getValueAtPercentile(50)))
                        .put("p99", millis(histogram.getValueAtPercentile(99)))
                        .put("p999", millis(histogram.getValueAtPercentile(99.9)))
                        .put("max", millis(histogram.getMaxValue()));
            }
        }
        if (line.has("serverCpuSeconds") && completed > 0) {
            derived.put("serverCpuMicrosPerOp", round(line.get("serverCpuSeconds").asDouble() * 1e6 / completed));
        }
        if (line.has("rssBeforeBytes") && line.has("rssAfterBytes") && line.path("sessions").asLong() > 0) {
            derived.put("bytesPerSession", Math.round((line.get("rssAfterBytes").asDouble()
                    - line.get("rssBeforeBytes").asDouble()) / line.get("sessions").asLong()));
        }
        if (line.has("steps")) {
            double best = 0;
            for (JsonNode step : line.get("steps")) {
                ObjectNode stepDerived = derive((ObjectNode) step);
                best = Math.max(best, stepDerived.path("perSecond").asDouble(0));
            }
            derived.put("saturationPerSecond", round(best));
        }
        return derived;
    }

    /** The lines of one scenario from several shards, as one line. */
    public static ObjectNode merge(List<ObjectNode> lines) {
        ObjectNode merged = lines.get(0).deepCopy();
        merged.remove("derived");
        for (ObjectNode line : lines.subList(1, lines.size())) {
            mergeInto(merged, line);
        }
        derive(merged);
        return merged;
    }

    private static void mergeInto(ObjectNode into, ObjectNode line) {
        if (!line.path("supported").asBoolean(false)) {
            into.put("supported", false);
            into.set("reason", line.get("reason"));
        }
        line.fields().forEachRemaining(entry -> {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode current = into.get(field);
            if (SUMMED.contains(field)) {
                putNumber(into, field, current == null ? value.asDouble() : current.asDouble() + value.asDouble());
            } else if (MAXIMUM.contains(field)) {
                putNumber(into, field, current == null ? value.asDouble() : Math.max(current.asDouble(), value.asDouble()));
            } else if (field.equals("rssBeforeBytes")) {
                putNumber(into, field, current == null ? value.asDouble() : Math.min(current.asDouble(), value.asDouble()));
            } else if (field.equals("latency")) {
                Histogram histogram = current == null ? Latencies.newHistogram() : Latencies.decode(current.asText());
                histogram.add(Latencies.decode(value.asText()));
                into.put(field, Latencies.encode(histogram));
            } else if (field.equals("steps")) {
                mergeSteps(into, (ArrayNode) value);
            }
        });
    }

    private static void mergeSteps(ObjectNode into, ArrayNode steps) {
        ArrayNode mine = into.withArray("steps");
        List<JsonNode> merged = new ArrayList<>();
        for (int i = 0; i < Math.max(mine.size(), steps.size()); i++) {
            if (i >= mine.size()) {
                merged.add(steps.get(i).deepCopy());
            } else if (i >= steps.size()) {
                merged.add(mine.get(i));
            } else {
                ObjectNode step = mine.get(i).deepCopy();
                mergeInto(step, (ObjectNode) steps.get(i));
                merged.add(step);
            }
        }
        mine.removeAll();
        merged.forEach(mine::add);
    }

    /** Whole numbers stay integers in the JSON, so that counts read as counts. */
    static void putNumber(ObjectNode line, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            line.put(field, (long) value);
        } else {
            line.put(field, value);
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
