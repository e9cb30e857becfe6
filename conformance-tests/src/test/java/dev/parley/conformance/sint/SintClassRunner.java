package dev.parley.conformance.sint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.conformance.XmppServerUnderTest;
import dev.parley.conformance.sint.TestOutcome.Status;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SuccessfulTest;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.TestNotPossibleException;
import org.igniterealtime.smack.inttest.TestResult;

/**
 * Runs one SINT test class as a framework run of its own and turns what it produced into {@link TestOutcome}s.
 *
 * <p>One run per class because SINT 4.5 ends a whole run, results and all, when a test throws a runtime exception or a
 * connection cannot be set up; here such an abort costs at most the class it happened in, and the results SINT gathered
 * before it are kept. A class that exceeds its time limit is interrupted.
 */
public final class SintClassRunner {

    /**
     * Low-level SINT tests open connections for accounts they create during the run, which SINT can only do through an
     * XEP-0133 administrator (or in-band registration); with fixed accounts alone they cannot run.
     */
    static final String NO_ACCOUNT_CREATION =
            "needs accounts created during the run: the server under test has no XEP-0133 administrator";

    private final XmppServerUnderTest server;
    private final SuiteSettings settings;
    private final KnownClientDefects knownDefects;

    public SintClassRunner(XmppServerUnderTest server, SuiteSettings settings, KnownClientDefects knownDefects) {
        this.server = server;
        this.settings = settings;
        this.knownDefects = knownDefects;
    }

    /**
     * Runs the class. When a test aborts the run, that test fails and the tests the run did not reach are re-run one by
     * one, so that one test's runtime exception costs only that test. A run that aborts outside any test (set-up failed)
     * is not retried: every test would abort the same way. A failed test listed as a known client defect is run once
     * more on its own ({@link #rerunKnownDefects}). Low-level classes are impossible without an administrator and are
     * not run.
     */
    public ClassRun run(SintTestClass testClass) {
        long start = System.nanoTime();
        if (testClass.isLowLevel() && server.administrator().isEmpty()) {
            return new ClassRun(testClass, testClass.testMethods().stream()
                    .map(method -> unreached(testClass, method, Status.IMPOSSIBLE, NO_ACCOUNT_CREATION))
                    .toList(), Optional.empty(), 0);
        }
        SintAttempt whole = attempt(testClass, Optional.empty());
        boolean retry = whole.abortedTest().isPresent();
        List<TestOutcome> outcomes = new ArrayList<>(outcomes(testClass, testClass.testMethods(), whole, !retry));
        if (retry) {
            Set<String> reached = outcomes.stream().map(SintClassRunner::methodOf).collect(Collectors.toSet());
            for (String method : testClass.testMethods()) {
                if (!reached.contains(method)) {
                    outcomes.addAll(outcomes(testClass, List.of(method), attempt(testClass, Optional.of(method)), true));
                }
            }
        }
        outcomes = rerunKnownDefects(testClass, outcomes);
        Optional<String> abort = whole.abort().map(reason -> whole.abortedTest()
                .map(test -> test + " aborted the run: " + reason + "; tests not reached were re-run one by one")
                .orElse(reason));
        return new ClassRun(testClass, outcomes, abort, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * Runs each failed test that {@link KnownClientDefects} attributes to a client race once more, alone. The second
     * result stands, except that a second failure is {@link Status#CLIENT_RACE}: reported, not held against a claim.
     * Its detail keeps the first failure and the reason, so the report shows both.
     */
    private List<TestOutcome> rerunKnownDefects(SintTestClass testClass, List<TestOutcome> outcomes) {
        List<TestOutcome> result = new ArrayList<>(outcomes.size());
        for (TestOutcome outcome : outcomes) {
            Optional<String> defect = outcome.status() == Status.FAILED
                    ? knownDefects.reason(testClass, methodOf(outcome)) : Optional.empty();
            if (defect.isEmpty()) {
                result.add(outcome);
                continue;
            }
            String method = methodOf(outcome);
            List<TestOutcome> rerun = outcomes(testClass, List.of(method), attempt(testClass, Optional.of(method)), true);
            for (TestOutcome second : rerun) {
                Status status = second.status() == Status.FAILED ? Status.CLIENT_RACE : second.status();
                result.add(new TestOutcome(second.specification(), second.testClass(), second.test(), status,
                        "re-run alone after a failure attributed to a known client defect (" + defect.get()
                                + "); first attempt: " + outcome.detail()
                                + (second.detail().isEmpty() ? "" : "; second attempt: " + second.detail()),
                        second.millis()));
            }
        }
        return result;
    }

    /** One framework run of the class, or of one of its test methods. */
    private SintAttempt attempt(SintTestClass testClass, Optional<String> method) {
        SintConfigurations.installConnectionDescriptors(server);
        return SintAttempt.run(SintConfigurations.forTests(server, testClass, method, settings), testClass,
                settings.classTimeout());
    }

    /**
     * The outcomes of one framework run over {@code methods} of the class: SINT's results, a failure for the test that
     * aborted the run, and, if {@code failUnreached}, a failure for each of those methods the aborted run never reached.
     */
    static List<TestOutcome> outcomes(SintTestClass testClass, List<String> methods, SintAttempt attempt,
                                      boolean failUnreached) {
        List<TestOutcome> outcomes = new ArrayList<>();
        Set<String> methodsWithResult = new HashSet<>();
        attempt.result().ifPresent(run -> {
            for (SuccessfulTest test : List.copyOf(run.getSuccessfulTests())) {
                outcomes.add(outcome(testClass, test, Status.PASSED, ""));
            }
            for (FailedTest test : List.copyOf(run.getFailedTests())) {
                outcomes.add(outcome(testClass, test, Status.FAILED, TestOutcome.describe(test.failureReason)));
            }
            for (TestNotPossible test : List.copyOf(run.getNotPossibleTests())) {
                outcomes.add(outcome(testClass, test, Status.IMPOSSIBLE, reason(test.testNotPossibleException)));
            }
            outcomes.forEach(outcome -> methodsWithResult.add(methodOf(outcome)));
            for (Map.Entry<Class<? extends AbstractSmackIntTest>, Throwable> impossible
                    : run.getImpossibleTestClasses().entrySet()) {
                // SINT files any checked exception from a test class constructor here; only a declared
                // TestNotPossibleException means a missing precondition, anything else is the server failing set-up.
                Throwable cause = impossible.getValue();
                Status status = cause instanceof TestNotPossibleException ? Status.IMPOSSIBLE : Status.FAILED;
                String detail = status == Status.IMPOSSIBLE ? reason(cause) : "set-up failed: " + TestOutcome.describe(cause);
                for (String method : methods) {
                    if (methodsWithResult.add(method)) {
                        outcomes.add(unreached(testClass, method, status, detail));
                    }
                }
            }
        });
        attempt.abortedTest().ifPresent(test -> {
            outcomes.add(new TestOutcome(testClass.specification(), testClass.name(), test, Status.FAILED,
                    "aborted the run: " + attempt.abort().orElseThrow(), 0));
            methodsWithResult.add(methodOf(outcomes.getLast()));
        });
        if (failUnreached && attempt.abort().isPresent()) {
            for (String method : methods) {
                if (methodsWithResult.add(method)) {
                    outcomes.add(unreached(testClass, method, Status.FAILED, "run aborted: " + attempt.abort().get()));
                }
            }
        }
        return outcomes;
    }

    private static TestOutcome outcome(SintTestClass testClass, TestResult result, Status status, String detail) {
        return new TestOutcome(testClass.specification(), testClass.name(), result.concreteTest.toString(), status, detail,
                result.duration);
    }

    private static TestOutcome unreached(SintTestClass testClass, String method, Status status, String detail) {
        return new TestOutcome(testClass.specification(), testClass.name(),
                testClass.type().getSimpleName() + '.' + method, status, detail, 0);
    }

    private static String methodOf(TestOutcome outcome) {
        String afterClass = outcome.test().substring(outcome.test().indexOf('.') + 1);
        int space = afterClass.indexOf(' ');
        return space < 0 ? afterClass : afterClass.substring(0, space);
    }

    private static String reason(Throwable notPossible) {
        return notPossible.getMessage() == null ? TestOutcome.describe(notPossible) : notPossible.getMessage().strip();
    }
}
