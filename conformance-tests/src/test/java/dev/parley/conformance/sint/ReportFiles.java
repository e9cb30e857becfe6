package dev.parley.conformance.sint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a {@link ConformanceReport} next to the build output: {@code sint-summary.txt} for people,
 * {@code sint-results.json} (counts, every test, aborts, claim verdict) and {@code sint-results.csv} (one row per test)
 * for tools.
 */
public final class ReportFiles {

    public static final String SUMMARY = "sint-summary.txt";
    public static final String JSON = "sint-results.json";
    public static final String CSV = "sint-results.csv";

    private ReportFiles() {
    }

    public static void write(ConformanceReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(SUMMARY), report.render());
        Files.writeString(directory.resolve(JSON), json(report));
        Files.writeString(directory.resolve(CSV), csv(report));
    }

    static String json(ConformanceReport report) {
        String specifications = report.tallies().stream()
                .map(tally -> "{\"id\":" + quote(tally.specification())
                        + ",\"claimed\":" + report.claimed().isClaimed(tally.specification())
                        + ",\"passed\":" + tally.passed() + ",\"failed\":" + tally.failed()
                        + ",\"impossible\":" + tally.impossible() + "}")
                .collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
        String tests = report.outcomes().stream()
                .map(outcome -> "{\"specification\":" + quote(outcome.specification())
                        + ",\"class\":" + quote(outcome.testClass()) + ",\"test\":" + quote(outcome.test())
                        + ",\"status\":" + quote(outcome.status().name()) + ",\"millis\":" + outcome.millis()
                        + ",\"detail\":" + quote(outcome.detail()) + "}")
                .collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
        String aborted = report.runs().stream()
                .filter(run -> run.abort().isPresent())
                .map(run -> "{\"class\":" + quote(run.testClass().name()) + ",\"reason\":" + quote(run.abort().get()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        return "{\n  \"target\":" + quote(report.target())
                + ",\n  \"millis\":" + report.millis()
                + ",\n  \"claimed\":" + array(report.claimed().ids())
                + ",\n  \"claimViolations\":" + array(report.claimViolations())
                + ",\n  \"specifications\":" + specifications
                + ",\n  \"abortedClasses\":" + aborted
                + ",\n  \"tests\":" + tests
                + "\n}\n";
    }

    static String csv(ConformanceReport report) {
        StringBuilder csv = new StringBuilder("specification,class,test,status,millis,detail\n");
        for (TestOutcome outcome : report.outcomes()) {
            csv.append(String.join(",", csvField(outcome.specification()), csvField(outcome.testClass()),
                    csvField(outcome.test()), outcome.status().name(), Long.toString(outcome.millis()),
                    csvField(outcome.detail()))).append('\n');
        }
        return csv.toString();
    }

    private static String array(List<String> values) {
        return values.stream().map(ReportFiles::quote).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON string literal (RFC 8259 §7). */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** A CSV field (RFC 4180 §2): quoted when it holds a comma, quote or line break. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
