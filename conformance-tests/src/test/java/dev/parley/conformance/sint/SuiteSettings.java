package dev.parley.conformance.sint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Knobs of a SINT suite run, from system properties (Maven passes {@code -D} options through to the test JVM).
 *
 * <pre>
 * parley.sint.replyTimeoutMillis  = how long SINT waits for any reply (default 10000: a loaded 2-core CI machine can take seconds)
 * parley.sint.classTimeoutSeconds = limit for one test class, after which it is interrupted (default 150)
 * parley.sint.budgetSeconds       = limit for the whole suite; classes not started by then count as not run (default 600)
 * parley.sint.classes             = comma-separated test classes to run, simple or qualified names (default all)
 * parley.sint.claimed             = the claimed-specifications file (default claimed-specifications.txt)
 * parley.sint.knownDefects        = the known-client-defects file (default known-client-defects.txt)
 * parley.sint.reportDir           = where the summary and results go (default target)
 * parley.sint.debug               = true to print every stanza SINT's connections exchange (default false)
 * parley.sint.connections         = Smack connection types the low-level tests run with (default tcp; also: modular,
 *                                   modular-nocompress, Smack's experimental stack, which times out now and then
 *                                   during TLS set-up even against Prosody)
 * </pre>
 */
public record SuiteSettings(Duration replyTimeout, Duration classTimeout, Duration budget, Set<String> classes,
                            Path claimedFile, Path knownDefectsFile, Path reportDirectory, boolean debug, List<String> connections) {

    public static SuiteSettings from(Properties properties) {
        Set<String> classes = Arrays.stream(properties.getProperty("parley.sint.classes", "").split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new SuiteSettings(
                Duration.ofMillis(Long.parseLong(properties.getProperty("parley.sint.replyTimeoutMillis", "10000").strip())),
                Duration.ofSeconds(Long.parseLong(properties.getProperty("parley.sint.classTimeoutSeconds", "150").strip())),
                Duration.ofSeconds(Long.parseLong(properties.getProperty("parley.sint.budgetSeconds", "600").strip())),
                classes,
                Path.of(properties.getProperty("parley.sint.claimed", "claimed-specifications.txt").strip()),
                Path.of(properties.getProperty("parley.sint.knownDefects", "known-client-defects.txt").strip()),
                Path.of(properties.getProperty("parley.sint.reportDir", "target").strip()),
                Boolean.parseBoolean(properties.getProperty("parley.sint.debug", "false").strip()),
                Arrays.stream(properties.getProperty("parley.sint.connections", "tcp").split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList());
    }

    /** Whether the run includes {@code testClass}: all classes unless {@code parley.sint.classes} names some. */
    public boolean selects(SintTestClass testClass) {
        return classes.isEmpty()
                || classes.contains(testClass.name())
                || classes.contains(testClass.type().getSimpleName());
    }
}
