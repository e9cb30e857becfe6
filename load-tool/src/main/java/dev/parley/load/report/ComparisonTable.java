package dev.parley.load.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The side-by-side table in Markdown: a row per figure of each result, a column per server, then the baseline's value
 * divided by each other server's. Whether lower or higher is better is said on each row, so a ratio reads either way.
 */
public final class ComparisonTable {
    /** A figure read from a result line of one kind of scenario; null when the line does not have it. */
    private record Figure(String scenario, String title, boolean lowerIsBetter, Function<JsonNode, Double> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("idle", "server memory per idle session (KiB)", true,
                    line -> scaled(derived(line, "bytesPerSession"), 1.0 / 1024)),
            new Figure("idle", "server CPU per session set-up (ms)", true,
                    line -> scaled(derived(line, "serverCpuMicrosPerOp"), 1e-3)),
            new Figure("chat", "saturation: delivered msgs/s", false, line -> derived(line, "saturationPerSecond")),
            new Figure("chat", "delivered msgs/s", false, ComparisonTable::perSecondWithoutSteps),
            new Figure("chat", "latency p50 (ms)", true, line -> latency(line, "p50")),
            new Figure("chat", "latency p99 (ms)", true, line -> latency(line, "p99")),
            new Figure("chat", "latency p99.9 (ms)", true, line -> latency(line, "p999")),
            new Figure("chat", "latency max (ms)", true, line -> latency(line, "max")),
            new Figure("chat", "lost messages", true, line -> number(line.get("lost"))),
            new Figure("chat", "server CPU per 1,000 msgs (ms)", true, ComparisonTable::cpuWithoutSteps),
            new Figure("muc", "deliveries/s", false, line -> derived(line, "perSecond")),
            new Figure("muc", "latency p50 (ms)", true, line -> latency(line, "p50")),
            new Figure("muc", "latency p99 (ms)", true, line -> latency(line, "p99")),
            new Figure("muc", "lost deliveries", true, line -> number(line.get("lost"))),
            new Figure("muc", "server CPU per 1,000 deliveries (ms)", true,
                    line -> derived(line, "serverCpuMicrosPerOp")),
            new Figure("logins", "logins/s", false, line -> derived(line, "perSecond")),
            new Figure("logins", "login latency p99 (ms)", true, line -> latency(line, "p99")),
            new Figure("logins", "server CPU per login (ms)", true,
                    line -> scaled(derived(line, "serverCpuMicrosPerOp"), 1e-3)),
            new Figure("resume", "resumptions/s", false, line -> derived(line, "perSecond")),
            new Figure("resume", "server CPU per resumption (ms)", true,
                    line -> scaled(derived(line, "serverCpuMicrosPerOp"), 1e-3)));

    private ComparisonTable() {
    }

    /** The table for {@code results} (merged lines), with {@code baseline}'s ratios; {@code labels} may be null. */
    public static String render(List<ObjectNode> results, String baseline, List<String> labels) {
        Set<String> columns = new LinkedHashSet<>(labels == null ? List.of() : labels);
        Map<String, Map<String, JsonNode>> byName = new LinkedHashMap<>();
        for (ObjectNode line : results) {
            String label = line.path("label").asText();
            columns.add(label);
            byName.computeIfAbsent(ResultFiles.name(line), n -> new LinkedHashMap<>()).put(label, line);
        }
        List<String> others = columns.stream().filter(label -> !label.equals(baseline)).toList();
        StringBuilder out = new StringBuilder("| result | figure | better |");
        columns.forEach(label -> out.append(' ').append(label).append(" |"));
        others.forEach(label -> out.append(' ').append(baseline).append(" / ").append(label).append(" |"));
        out.append("\n|---|---|---|").append("---:|".repeat(columns.size() + others.size())).append('\n');
        List<String> notes = new ArrayList<>();
        byName.forEach((name, lines) -> {
            String scenario = lines.values().iterator().next().path("scenario").asText();
            for (Figure figure : FIGURES) {
                if (figure.scenario().equals(scenario) && lines.values().stream().anyMatch(l -> value(figure, l) != null)) {
                    row(out, name, figure, lines, columns, others, baseline);
                }
            }
            lines.forEach((label, line) -> {
                if (!line.path("supported").asBoolean()) {
                    notes.add(name + " on " + label + ": not supported (" + line.path("reason").asText() + ")");
                    if (FIGURES.stream().noneMatch(f -> f.scenario().equals(scenario)
                            && lines.values().stream().anyMatch(l -> value(f, l) != null))) {
                        unsupportedRow(out, name, lines, columns, others);
                    }
                }
            });
        });
        notes.forEach(note -> out.append("\n- ").append(note));
        return out.append(notes.isEmpty() ? "" : "\n").toString();
    }

    private static void row(StringBuilder out, String name, Figure figure, Map<String, JsonNode> lines,
                            Set<String> columns, List<String> others, String baseline) {
        out.append("| ").append(name).append(" | ").append(figure.title()).append(" | ")
                .append(figure.lowerIsBetter() ? "lower" : "higher").append(" |");
        for (String label : columns) {
            JsonNode line = lines.get(label);
            out.append(' ').append(cell(line, line == null ? null : value(figure, line))).append(" |");
        }
        Double mine = lines.containsKey(baseline) ? value(figure, lines.get(baseline)) : null;
        for (String label : others) {
            Double theirs = lines.containsKey(label) ? value(figure, lines.get(label)) : null;
            out.append(' ').append(mine == null || theirs == null || theirs == 0 ? "–" : ratio(mine / theirs))
                    .append(" |");
        }
        out.append('\n');
    }

    private static void unsupportedRow(StringBuilder out, String name, Map<String, JsonNode> lines,
                                       Set<String> columns, List<String> others) {
        out.append("| ").append(name).append(" | (all figures) | |");
        columns.forEach(label -> out.append(' ').append(cell(lines.get(label), null)).append(" |"));
        others.forEach(label -> out.append(" – |"));
        out.append('\n');
    }

    /** Two decimals, or two significant digits for ratios so small that two decimals would read as zero. */
    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, ratio >= 0.1 || ratio == 0 ? "%.2f×" : "%.2g×", ratio);
    }

    private static String cell(JsonNode line, Double value) {
        if (line == null) {
            return "–";
        }
        if (!line.path("supported").asBoolean()) {
            return "not supported";
        }
        if (value == null) {
            return "–";
        }
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 || value == Math.rint(value) ? "%.0f" : magnitude >= 10 ? "%.1f"
                : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    private static Double value(Figure figure, JsonNode line) {
        return line.path("supported").asBoolean() ? figure.value().apply(line) : null;
    }

    private static Double derived(JsonNode line, String field) {
        return number(line.path("derived").get(field));
    }

    private static Double latency(JsonNode line, String percentile) {
        return number(line.path("derived").path("latencyMs").get(percentile));
    }

    private static Double perSecondWithoutSteps(JsonNode line) {
        return line.has("steps") ? null : derived(line, "perSecond");
    }

    private static Double cpuWithoutSteps(JsonNode line) {
        return line.has("steps") ? null : derived(line, "serverCpuMicrosPerOp");
    }

    private static Double scaled(Double value, double factor) {
        return value == null ? null : value * factor;
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }
}
