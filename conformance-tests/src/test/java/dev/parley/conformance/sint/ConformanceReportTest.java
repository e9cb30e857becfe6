package dev.parley.conformance.sint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import dev.parley.conformance.sint.TestOutcome.Status;

import org.jivesoftware.smack.LoginIntegrationTest;
import org.jivesoftware.smackx.iqversion.VersionIntegrationTest;
import org.jivesoftware.smackx.mam.MamIntegrationTest;
import org.jivesoftware.smackx.ping.PingIntegrationTest;
import org.junit.jupiter.api.Test;

class ConformanceReportTest {

    private static final SintTestClass PING = SintTestClass.of(PingIntegrationTest.class);
    private static final SintTestClass VERSION = SintTestClass.of(VersionIntegrationTest.class);
    private static final SintTestClass MAM = SintTestClass.of(MamIntegrationTest.class);
    private static final SintTestClass LOGIN = SintTestClass.of(LoginIntegrationTest.class);

    private static TestOutcome outcome(SintTestClass testClass, String method, Status status, String detail) {
        return new TestOutcome(testClass.specification(), testClass.name(),
                testClass.type().getSimpleName() + '.' + method + " (Normal)", status, detail, 5);
    }

    private static ClassRun run(SintTestClass testClass, TestOutcome... outcomes) {
        return new ClassRun(testClass, List.of(outcomes), Optional.empty(), 10);
    }

    /** A run of the ping class alone, with XEP-0199 claimed. */
    private static ConformanceReport pingReportClaimingXep0199(TestOutcome server, TestOutcome async) {
        return new ConformanceReport("sint.test", List.of(run(PING, server, async)),
                ClaimedSpecifications.parse(List.of("XEP-0199")), 1000);
    }

    private static ConformanceReport report(ClaimedSpecifications claimed) {
        return new ConformanceReport("sint.test", List.of(
                run(PING, outcome(PING, "pingServer", Status.PASSED, ""),
                        outcome(PING, "pingAsync", Status.FAILED, "AssertionFailedError: no pong")),
                run(VERSION, outcome(VERSION, "testVersion", Status.PASSED, "")),
                run(MAM, outcome(MAM, "mamTest", Status.IMPOSSIBLE, "MAM not announced")),
                run(LOGIN, outcome(LOGIN, "testInvalidLogin", Status.FAILED, "boom"))), claimed, 1000);
    }

    @Test
    void talliesEachSpecificationByStatus() {
        ConformanceReport report = report(ClaimedSpecifications.none());

        assertThat(report.tallies()).containsExactly(
                new SpecificationTally("LoginIntegrationTest", 0, 1, 0, 0),
                new SpecificationTally("XEP-0092", 1, 0, 0, 0),
                new SpecificationTally("XEP-0199", 1, 1, 0, 0),
                new SpecificationTally("XEP-0313", 0, 0, 1, 0));
        assertThat(report.total()).isEqualTo(new SpecificationTally("total", 2, 2, 1, 0));
    }

    @Test
    void unclaimedFailuresAreReportedButDoNotViolateClaims() {
        ConformanceReport report = report(ClaimedSpecifications.parse(List.of("XEP-0092")));

        assertThat(report.claimViolations()).isEmpty();
        assertThat(report.render())
                .contains("PingIntegrationTest.pingAsync (Normal): AssertionFailedError: no pong")
                .contains("LoginIntegrationTest.testInvalidLogin (Normal): boom")
                .contains("all hold");
    }

    @Test
    void aClaimFailsOnAnyFailedTest() {
        ConformanceReport report = report(ClaimedSpecifications.parse(List.of("xep0199 # spelled loosely")));

        assertThat(report.claimViolations()).containsExactly("xep0199: 1 test(s) failed");
        assertThat(report.render()).contains("VIOLATED");
    }

    @Test
    void aClaimFailsWhenNoTestPassedOrNoneExists() {
        ConformanceReport report = report(ClaimedSpecifications.parse(List.of("XEP-0313", "RFC6120", "", "# comment")));

        assertThat(report.claimViolations()).containsExactly(
                "XEP-0313: no test passed (1 impossible)",
                "RFC6120: no SINT test class covers it in this run");
    }

    @Test
    void testsAnAbortedRunNeverReachedCountAsFailed() {
        List<TestOutcome> outcomes = SintClassRunner.outcomes(PING, PING.testMethods(),
                SintAttempt.notRun("NoResponseException"), true);

        assertThat(outcomes).extracting(TestOutcome::test)
                .containsExactlyInAnyOrder("PingIntegrationTest.pingAsync", "PingIntegrationTest.pingServer");
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.detail()).contains("aborted").contains("NoResponseException");
        });
    }

    @Test
    void describesAFailureWithItsCauses() {
        Exception failure = new IllegalStateException("outer\n  text", new java.io.IOException("inner"));

        assertThat(TestOutcome.describe(failure))
                .isEqualTo("IllegalStateException: outer text <- caused by IOException: inner");
    }

    @Test
    void listsTestsThatPassedOnlyWhenReRunWithTheirFirstFailure() {
        ConformanceReport report = pingReportClaimingXep0199(
                outcome(PING, "pingServer", Status.PASSED, ""),
                outcome(PING, "pingAsync", Status.PASSED, "re-run alone (client race); first attempt: Timeout"));

        assertThat(report.claimViolations()).isEmpty();
        assertThat(report.render())
                .contains("Passed when re-run on their own after a failure attributed to a known client defect:")
                .contains("PingIntegrationTest.pingAsync (Normal): re-run alone (client race); first attempt: Timeout")
                .doesNotContain("PingIntegrationTest.pingServer (Normal):");
    }

    @Test
    void aTestFailingTwiceInAKnownClientRaceIsReportedButDoesNotViolateItsClaim() {
        ConformanceReport report = pingReportClaimingXep0199(
                outcome(PING, "pingServer", Status.PASSED, ""),
                outcome(PING, "pingAsync", Status.CLIENT_RACE, "re-run alone (client race); first attempt: Timeout"));

        assertThat(report.tally("XEP-0199")).contains(new SpecificationTally("XEP-0199", 1, 0, 0, 1));
        assertThat(report.claimViolations()).isEmpty();
        assertThat(report.render())
                .contains("Failed twice in a known client race (known-client-defects.txt; not counted against claims):")
                .contains("PingIntegrationTest.pingAsync (Normal): re-run alone (client race); first attempt: Timeout");
    }

    @Test
    void anUnlistedFailureStillViolatesItsClaimNextToAClientRace() {
        ConformanceReport report = pingReportClaimingXep0199(
                outcome(PING, "pingServer", Status.FAILED, "no pong"),
                outcome(PING, "pingAsync", Status.CLIENT_RACE, "client race"));

        assertThat(report.claimViolations()).containsExactly("XEP-0199: 1 test(s) failed");
    }
}
