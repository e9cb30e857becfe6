package dev.parley.conformance.sint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.parley.conformance.XmppServerUnderTest;
import dev.parley.conformance.sint.TestOutcome.Status;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;
import org.igniterealtime.smack.inttest.SuccessfulTest;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.TestNotPossibleException;
import org.igniterealtime.smack.inttest.TestResult;

/**
 * Runs one SINT test class as a framework run of its own and turns what it produced into {@link TestOutcome}s.
 *
 * <p>One run per class because SINT 4.5 ends a whole run, results and all, when a test throws a runtime exception or a
 * connection cannot be set up; here such an abort costs only the class it happened in, and the results SINT gathered
 * before it are kept. A class that exceeds its time limit is interrupted.
 */
public final class SintClassRunner {

    /** How long an interrupted run gets to log out and delete its accounts before it is abandoned. */
    private static final Duration CLEANUP_GRACE = Duration.ofSeconds(15);

    private final XmppServerUnderTest server;
    private final SuiteSettings settings;

    public SintClassRunner(XmppServerUnderTest server, SuiteSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /**
     * Runs the class; when its run aborts after some tests produced results, the tests it did not reach are re-run one
     * by one, so that one test's runtime exception costs only that test. A run that aborts before any result (set-up
     * failed) is not retried: every test would abort the same way.
     */
    public ClassRun run(SintTestClass testClass) {
        long start = System.nanoTime();
        Attempt whole = attempt(testClass, Optional.empty());
        List<TestOutcome> outcomes;
        if (whole.abort().isEmpty() || whole.result().map(SintClassRunner::resultCount).orElse(0) == 0) {
            outcomes = outcomes(testClass, testClass.testMethods(), whole.result(), whole.abort());
        } else {
            outcomes = new ArrayList<>(outcomes(testClass, testClass.testMethods(), whole.result(), Optional.empty()));
            Set<String> reached = outcomes.stream().map(SintClassRunner::methodOf).collect(Collectors.toSet());
            for (String method : testClass.testMethods()) {
                if (!reached.contains(method)) {
                    Attempt single = attempt(testClass, Optional.of(method));
                    outcomes.addAll(outcomes(testClass, List.of(method), single.result(), single.abort()));
                }
            }
        }
        Optional<String> abort = whole.abort().map(reason -> outcomes.isEmpty() || whole.result().isEmpty()
                ? reason
                : reason + " (tests not reached were re-run one by one)");
        return new ClassRun(testClass, outcomes, abort, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** What one framework run produced, and why it ended early if it did. */
    private record Attempt(Optional<TestRunResult> result, Optional<String> abort) {
    }

    /** One framework run of the class, or of one of its test methods. */
    private Attempt attempt(SintTestClass testClass, Optional<String> method) {
        SintConfigurations.installConnectionDescriptors(server);
        Configuration configuration = SintConfigurations.forTests(server, testClass, method, settings);
        ObservableFramework framework = new ObservableFramework(configuration);
        FutureTask<TestRunResult> task = new FutureTask<>(framework::run);
        Thread thread = new Thread(task, "sint-" + testClass.type().getSimpleName());
        thread.setDaemon(true);
        thread.start();

        Optional<String> abort = Optional.empty();
        try {
            task.get(settings.classTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!endedForLackOfPossibleTests(testClass, framework.resultSoFar(), e.getCause())) {
                abort = Optional.of(TestOutcome.describe(e.getCause()));
            }
        } catch (TimeoutException e) {
            thread.interrupt();
            abort = Optional.of("exceeded the class time limit of " + settings.classTimeout().toSeconds() + " s");
            awaitCleanup(thread);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            abort = Optional.of("the harness was interrupted");
        }
        return new Attempt(framework.resultSoFar(), abort);
    }

    /**
     * SINT throws "No integration tests selected" when the only selected class turned out impossible: that is the
     * class's legitimate outcome, already recorded, not an abort.
     */
    private static boolean endedForLackOfPossibleTests(SintTestClass testClass, Optional<TestRunResult> result,
                                                       Throwable cause) {
        return cause instanceof IllegalArgumentException
                && result.map(run -> run.getImpossibleTestClasses().containsKey(testClass.type())).orElse(false);
    }

    private static int resultCount(TestRunResult result) {
        return result.getNumberOfAvailableTests() + result.getImpossibleTestClasses().size();
    }

    private static void awaitCleanup(Thread thread) {
        try {
            thread.join(CLEANUP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The outcomes of one framework run over {@code methods} of the class: SINT's results, plus, when the run aborted,
     * a failure for each of those methods it never reached.
     */
    static List<TestOutcome> outcomes(SintTestClass testClass, List<String> methods, Optional<TestRunResult> result,
                                      Optional<String> abort) {
        List<TestOutcome> outcomes = new ArrayList<>();
        Set<String> methodsWithResult = new HashSet<>();
        result.ifPresent(run -> {
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
        if (abort.isPresent()) {
            for (String method : methods) {
                if (methodsWithResult.add(method)) {
                    outcomes.add(unreached(testClass, method, Status.FAILED, "run aborted: " + abort.get()));
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

    /** Exposes the results SINT gathered so far, which {@link #run()} loses when it throws. */
    private static final class ObservableFramework extends SmackIntegrationTestFramework {

        ObservableFramework(Configuration configuration) {
            super(configuration);
        }

        Optional<TestRunResult> resultSoFar() {
            return Optional.ofNullable(testRunResult);
        }
    }
}
