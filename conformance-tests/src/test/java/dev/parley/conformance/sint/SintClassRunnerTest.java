package dev.parley.conformance.sint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import dev.parley.conformance.UnreachableServer;
import dev.parley.conformance.sint.TestOutcome.Status;

import org.jivesoftware.smack.LoginIntegrationTest;
import org.jivesoftware.smackx.ping.PingIntegrationTest;
import org.junit.jupiter.api.Test;

/** Runs against a port nobody listens on: what the harness makes of set-up failures and of missing preconditions. */
class SintClassRunnerTest {

    private static SintClassRunner runner() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("parley.sint.replyTimeoutMillis", "2000");
        properties.setProperty("parley.sint.classTimeoutSeconds", "30");
        return new SintClassRunner(UnreachableServer.create(), SuiteSettings.from(properties),
                KnownClientDefects.none());
    }

    @Test
    void aConnectionFailureFailsEveryTestOfTheClassWithItsCause() throws Exception {
        ClassRun run = runner().run(SintTestClass.of(PingIntegrationTest.class));

        assertThat(run.abort()).hasValueSatisfying(reason -> assertThat(reason).contains("Connection"));
        assertThat(run.millis()).isLessThan(Duration.ofSeconds(30).toMillis());
        assertThat(run.outcomes()).hasSize(2).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.specification()).isEqualTo("XEP-0199");
            assertThat(outcome.detail()).startsWith("run aborted: ");
        });
    }

    @Test
    void lowLevelTestsAreImpossibleWithoutAnAdministrator() throws Exception {
        ClassRun run = runner().run(SintTestClass.of(LoginIntegrationTest.class));

        assertThat(run.abort()).isEmpty();
        assertThat(run.outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(Status.IMPOSSIBLE);
            assertThat(outcome.detail()).isEqualTo(SintClassRunner.NO_ACCOUNT_CREATION);
        });
    }
}
