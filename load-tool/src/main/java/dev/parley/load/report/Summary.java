package dev.parley.load.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** The readable summary of a result line, for people watching a run. */
public final class Summary {
    private Summary() {
    }

    public static String of(JsonNode line) {
        StringBuilder out = new StringBuilder();
        out.append(line.path("scenario").asText()).append(" [").append(line.path("label").asText()).append("]");
        if (!line.path("supported").asBoolean()) {
            return out.append(": not supported: ").append(line.path("reason").asText()).toString();
        }
        JsonNode derived = line.path("derived");
        append(out, "sessions", line.path("sessions"), "%.0f");
        append(out, "failed", line.path("failures"), "%.0f");
        append(out, "offered/s", line.path("offeredPerSecond"), "%.0f");
        append(out, "completed", line.path("completed"), "%.0f");
        append(out, "per second", derived.path("perSecond"), "%.1f");
        append(out, "saturation/s", derived.path("saturationPerSecond"), "%.0f");
        JsonNode latency = derived.path("latencyMs");
        if (latency.has("p50")) {
            out.append(String.format(Locale.ROOT, ", latency ms p50 %.3f p99 %.3f p99.9 %.3f max %.3f (n=%d)",
                    latency.get("p50").asDouble(), latency.get("p99").asDouble(), latency.get("p999").asDouble(),
                    latency.get("max").asDouble(), latency.get("count").asLong()));
        }
        append(out, "sent", line.path("sent"), "%.0f");
        append(out, "lost", line.path("lost"), "%.0f");
        append(out, "duplicates", line.path("duplicates"), "%.0f");
        append(out, "skipped (backpressure)", line.path("skipped"), "%.0f");
        append(out, "server CPU s", line.path("serverCpuSeconds"), "%.2f");
        append(out, "server CPU µs/op", derived.path("serverCpuMicrosPerOp"), "%.1f");
        append(out, "bytes/session", derived.path("bytesPerSession"), "%.0f");
        append(out, "tool CPU s", line.path("clientCpuSeconds"), "%.2f");
        for (JsonNode step : line.path("steps")) {
            out.append(String.format(Locale.ROOT, "%n  step offered %.0f/s: delivered %.1f/s, p99 %s ms",
                    step.path("offeredPerSecond").asDouble(), step.path("derived").path("perSecond").asDouble(),
                    step.path("derived").path("latencyMs").path("p99").asText("-")));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String name, JsonNode value, String format) {
        if (value.isNumber()) {
            out.append(", ").append(name).append(' ').append(String.format(Locale.ROOT, format, value.asDouble()));
        }
    }
}
