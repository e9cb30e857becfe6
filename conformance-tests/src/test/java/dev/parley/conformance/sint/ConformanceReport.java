package dev.parley.conformance.sint;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.parley.conformance.sint.TestOutcome.Status;

/**
 * Aggregates the class runs of one SINT suite run: counts per specification, failures, aborted class runs, and the
 * verdict on the claimed specifications.
 */
public final class ConformanceReport {

    private final String target;
    private final List<ClassRun> runs;
    private final ClaimedSpecifications claimed;
    private final long millis;

    public ConformanceReport(String target, List<ClassRun> runs, ClaimedSpecifications claimed, long millis) {
        this.target = target;
        this.runs = List.copyOf(runs);
        this.claimed = claimed;
        this.millis = millis;
    }

    public String target() {
        return target;
    }

    public long millis() {
        return millis;
    }

    public List<ClassRun> runs() {
        return runs;
    }

    public ClaimedSpecifications claimed() {
        return claimed;
    }

    public List<TestOutcome> outcomes() {
        return runs.stream().flatMap(run -> run.outcomes().stream()).toList();
    }

    /** Counts per specification, in specification order; a class that produced no outcome still shows with zeros. */
    public List<SpecificationTally> tallies() {
        Map<String, SpecificationTally> tallies = new LinkedHashMap<>();
        runs.stream()
                .map(run -> run.testClass().specification())
                .sorted()
                .forEach(spec -> tallies.putIfAbsent(spec, SpecificationTally.empty(spec)));
        outcomes().forEach(outcome -> tallies.computeIfPresent(outcome.specification(), (spec, tally) -> tally.plus(outcome)));
        return List.copyOf(tallies.values());
    }

    public Optional<SpecificationTally> tally(String specificationId) {
        return tallies().stream().filter(tally -> tally.isNamed(specificationId)).findFirst();
    }

    public SpecificationTally total() {
        SpecificationTally total = SpecificationTally.empty("total");
        for (TestOutcome outcome : outcomes()) {
            total = total.plus(outcome);
        }
        return total;
    }

    public List<TestOutcome> withStatus(Status status) {
        return outcomes().stream()
                .filter(outcome -> outcome.status() == status)
                .sorted(Comparator.comparing(TestOutcome::specification).thenComparing(TestOutcome::test))
                .toList();
    }

    /** Why the claimed specifications do not hold; empty when they all do. */
    public List<String> claimViolations() {
        return claimed.violations(this);
    }

    /** The human-readable summary printed at the end of the run and written to {@code sint-summary.txt}. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("SINT conformance run against %s: %d test classes in %d s%n", target, runs.size(),
                millis / 1000));
        List<SpecificationTally> tallies = tallies();
        int width = tallies.stream().mapToInt(tally -> tally.specification().length()).max().orElse(0) + 2;
        String row = "%-" + width + "s %7s %7s %11s %12s  %s%n";
        text.append(String.format(row, "specification", "passed", "failed", "impossible", "client-race", "claimed"));
        for (SpecificationTally tally : tallies) {
            appendRow(text, row, tally, claimed.isClaimed(tally.specification()) ? "yes" : "");
        }
        appendRow(text, row, total(), "");
        appendSection(text, "Failed tests", withStatus(Status.FAILED));
        appendSection(text, "Passed when re-run on their own after a failure attributed to a known client defect",
                withStatus(Status.PASSED).stream().filter(outcome -> !outcome.detail().isEmpty()).toList());
        appendSection(text, "Failed twice in a known client race (known-client-defects.txt; not counted against claims)",
                withStatus(Status.CLIENT_RACE));
        appendSection(text, "Impossible tests (precondition missing on the server)", withStatus(Status.IMPOSSIBLE));
        List<ClassRun> aborted = runs.stream().filter(run -> run.abort().isPresent()).toList();
        if (!aborted.isEmpty()) {
            text.append(String.format("%nAborted class runs:%n"));
            aborted.forEach(run -> text.append(String.format("  %s: %s%n", run.testClass().name(), run.abort().get())));
        }
        List<String> violations = claimViolations();
        text.append(String.format("%nClaimed specifications (%s): %s%n", String.join(", ", claimed.ids()),
                violations.isEmpty() ? "all hold" : "VIOLATED"));
        violations.forEach(violation -> text.append("  - ").append(violation).append(System.lineSeparator()));
        return text.toString();
    }

    private static void appendRow(StringBuilder text, String row, SpecificationTally tally, String claimedMark) {
        text.append(String.format(row, tally.specification(), tally.passed(), tally.failed(), tally.impossible(),
                tally.clientRace(), claimedMark));
    }

    private static void appendSection(StringBuilder text, String title, List<TestOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        text.append(String.format("%n%s:%n", title));
        for (TestOutcome outcome : outcomes) {
            text.append(String.format("  [%s] %s: %s%n", outcome.specification(), outcome.test(), outcome.detail()));
        }
    }
}
