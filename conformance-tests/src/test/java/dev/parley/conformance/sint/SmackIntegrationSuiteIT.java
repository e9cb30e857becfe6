package dev.parley.conformance.sint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.conformance.ServersUnderTest;
import dev.parley.conformance.XmppServerUnderTest;
import dev.parley.conformance.sint.TestOutcome.Status;

import org.junit.jupiter.api.Test;

/**
 * Runs Smack's integration test suite (SINT) against the server under test, one framework run per test class, and fails
 * when a claimed specification does not hold. Results for unclaimed specifications are reported, never failing.
 */
class SmackIntegrationSuiteIT {

    @Test
    void claimedSpecificationsHold() throws Exception {
        SuiteSettings settings = SuiteSettings.from(System.getProperties());
        ClaimedSpecifications claimed = Files.exists(settings.claimedFile())
                ? ClaimedSpecifications.read(settings.claimedFile())
                : ClaimedSpecifications.none();

        try (XmppServerUnderTest server = ServersUnderTest.select()) {
            SintLogging.redirectTo(settings.reportDirectory().resolve("sint-run.log"));
            List<SintTestClass> classes = SintCatalog.load().stream().filter(settings::selects).toList();
            assertThat(classes).as("SINT test classes selected by parley.sint.classes").isNotEmpty();
            ConformanceReport report = runAll(server, classes, settings,
                    settings.classes().isEmpty() ? claimed : claimed.coveredBy(classes));
            ReportFiles.write(report, settings.reportDirectory());
            System.out.println(report.render());
            assertThat(report.claimViolations())
                    .as("claimed specifications (%s); details in %s", settings.claimedFile(),
                            settings.reportDirectory().resolve(ReportFiles.SUMMARY))
                    .isEmpty();
        }
    }

    private static ConformanceReport runAll(XmppServerUnderTest server, List<SintTestClass> classes,
                                            SuiteSettings settings, ClaimedSpecifications claimed)
            throws IOException {
        SintClassRunner runner = new SintClassRunner(server, settings,
                KnownClientDefects.read(settings.knownDefectsFile()));
        long start = System.nanoTime();
        List<ClassRun> runs = new ArrayList<>();
        for (SintTestClass testClass : classes) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            ClassRun run = elapsed.compareTo(settings.budget()) < 0
                    ? runner.run(testClass)
                    : notStarted(testClass, settings.budget());
            runs.add(run);
            System.out.printf("[%d/%d] %-70s %s%n", runs.size(), classes.size(), testClass.name(), brief(run));
        }
        String target = server.domain() + " at " + server.c2sAddress();
        return new ConformanceReport(target, runs, claimed, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static ClassRun notStarted(SintTestClass testClass, Duration budget) {
        Optional<String> reason = Optional.of("suite time budget of " + budget.toSeconds() + " s exhausted");
        return new ClassRun(testClass, SintClassRunner.outcomes(testClass, testClass.testMethods(),
                SintAttempt.notRun(reason.get()), true), reason, 0);
    }

    private static String brief(ClassRun run) {
        long passed = run.outcomes().stream().filter(o -> o.status() == Status.PASSED).count();
        long failed = run.outcomes().stream().filter(o -> o.status() == Status.FAILED).count();
        long impossible = run.outcomes().stream().filter(o -> o.status() == Status.IMPOSSIBLE).count();
        long clientRace = run.outcomes().stream().filter(o -> o.status() == Status.CLIENT_RACE).count();
        return String.format("passed=%d failed=%d impossible=%d%s %.1fs%s", passed, failed, impossible,
                clientRace == 0 ? "" : " client-race=" + clientRace,
                run.millis() / 1000.0, run.abort().map(reason -> " ABORTED").orElse(""));
    }
}
