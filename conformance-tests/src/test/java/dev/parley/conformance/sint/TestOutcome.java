package dev.parley.conformance.sint;

import java.util.Objects;

/**
 * The result of one concrete SINT test: one {@code @SmackIntegrationTest} method, once per connection type for low-level
 * tests.
 *
 * @param specification the SINT specification key of the test's class (see {@link SintTestClass#specification()})
 * @param testClass     fully qualified test class name
 * @param test          the test as SINT names it, e.g. {@code PingIntegrationTest.pingServer (Normal)}
 * @param status        passed, failed or impossible
 * @param detail        for failures and impossible tests, the exception or reason; empty otherwise
 * @param millis        how long the test took; 0 when it never ran
 */
public record TestOutcome(String specification, String testClass, String test, Status status, String detail,
                          long millis) {

    public enum Status {
        PASSED,
        FAILED,
        /** SINT found a precondition missing (a feature the server does not announce): not run, not failed. */
        IMPOSSIBLE,
        /**
         * Failed, and failed again when run alone, and listed in {@link KnownClientDefects} as hitting a race inside
         * the client library: reported as such, not counted against a claim.
         */
        CLIENT_RACE,
    }

    public TestOutcome {
        Objects.requireNonNull(specification, "specification");
        Objects.requireNonNull(testClass, "testClass");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    /** One line naming a throwable: its class and message, then the same for each cause. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- caused by ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().strip().replaceAll("\\s+", " "));
            }
        }
        return text.toString();
    }
}
