package dev.parley.conformance.sint;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;

/**
 * One SINT framework run, on a thread of its own under a time limit, and what it left behind: the results it gathered
 * (kept even when the run throws) and, if it ended early, why and in which test.
 *
 * @param result      the results SINT gathered, if the run got as far as starting
 * @param abort       why the run ended early, if it did
 * @param abortedTest the test that was running when it ended early (SINT's name for it), if one was
 */
record SintAttempt(Optional<TestRunResult> result, Optional<String> abort, Optional<String> abortedTest) {

    /** How long an interrupted run gets to log out and delete its accounts before it is abandoned. */
    private static final Duration CLEANUP_GRACE = Duration.ofSeconds(15);

    static SintAttempt notRun(String reason) {
        return new SintAttempt(Optional.empty(), Optional.of(reason), Optional.empty());
    }

    static SintAttempt run(Configuration configuration, SintTestClass testClass, Duration timeLimit) {
        ObservableFramework framework = new ObservableFramework(configuration);
        FutureTask<TestRunResult> task = new FutureTask<>(framework::run);
        Thread thread = new Thread(task, "sint-" + testClass.type().getSimpleName());
        thread.setDaemon(true);
        RunningTest running = RunningTest.attach();
        Optional<String> abort = Optional.empty();
        try {
            thread.start();
            task.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!endedForLackOfPossibleTests(testClass, framework.resultSoFar(), e.getCause())) {
                abort = Optional.of(TestOutcome.describe(e.getCause()));
            }
        } catch (TimeoutException e) {
            thread.interrupt();
            abort = Optional.of("exceeded the class time limit of " + timeLimit.toSeconds() + " s");
            awaitCleanup(thread);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            abort = Optional.of("the harness was interrupted");
        } finally {
            running.detach();
        }
        return new SintAttempt(framework.resultSoFar(), abort, abort.flatMap(reason -> running.current()));
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

    private static void awaitCleanup(Thread thread) {
        try {
            thread.join(CLEANUP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Exposes the results SINT gathered so far, which {@code run()} loses when it throws. */
    private static final class ObservableFramework extends SmackIntegrationTestFramework {

        ObservableFramework(Configuration configuration) {
            super(configuration);
        }

        Optional<TestRunResult> resultSoFar() {
            return Optional.ofNullable(testRunResult);
        }
    }

    /**
     * Follows which test SINT is running. SINT clears its own record of it while an exception escapes, so the harness
     * reads the framework's log instead: it logs "{test} Start" before and "{test} Success/Failed/is not possible" after
     * each test.
     */
    private static final class RunningTest extends Handler {

        private static final Logger FRAMEWORK_LOG = Logger.getLogger(SmackIntegrationTestFramework.class.getName());
        private static final String START = " Start";

        private volatile String current;

        static RunningTest attach() {
            RunningTest running = new RunningTest();
            running.setLevel(Level.INFO);
            if (!FRAMEWORK_LOG.isLoggable(Level.INFO)) {
                FRAMEWORK_LOG.setLevel(Level.INFO);
            }
            FRAMEWORK_LOG.addHandler(running);
            return running;
        }

        void detach() {
            FRAMEWORK_LOG.removeHandler(this);
        }

        Optional<String> current() {
            return Optional.ofNullable(current);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message == null) {
                return;
            }
            if (message.endsWith(START)) {
                current = message.substring(0, message.length() - START.length());
            } else if (current != null && message.startsWith(current)) {
                current = null;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
