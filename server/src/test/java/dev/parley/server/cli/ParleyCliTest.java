package dev.parley.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.parley.server.cli.CliTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

class ParleyCliTest {
    @TempDir
    Path dir;

    @Test
    void withoutArgumentsPrintsUsage() {
        CliTesting.Run result = run();

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage:").contains("start", "adduser", "passwd", "deluser", "check-config");
    }

    @Test
    void helpAndVersionSucceed() {
        CliTesting.Run help = run("adduser", "--help");
        CliTesting.Run version = run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("JID", "PASSWORD", "--config");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("Parley ");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliTesting.Run result = run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate").contains("Usage:");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingPasswordIsAUsageError() {
        CliTesting.Run result = run("adduser", "alice@localhost");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'PASSWORD'").contains("Usage:")
                .contains("adduser");
    }

    @Test
    void usageErrorsNeverShowThePassword() {
        CliTesting.Run optionLike = run("adduser", "alice@localhost", "-s3cret-word", "surplus");
        CliTesting.Run oldAndNew = run("passwd", "alice@localhost", "old-s3cret", "new-s3cret");

        assertThat(optionLike.exitCode()).isEqualTo(2);
        assertThat(optionLike.err()).contains("Unknown option: '<hidden>'").doesNotContain("s3cret-word");
        assertThat(oldAndNew.exitCode()).isEqualTo(2);
        assertThat(oldAndNew.err()).contains("Unmatched argument at index 3: '<hidden>'").doesNotContain("s3cret");
    }

    @Test
    void usageErrorsOfOtherCommandsShowTheArguments() {
        CliTesting.Run result = run("check-config", "one.yaml", "two.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'two.yaml'");
    }

    @Test
    void doubleDashLetsAPasswordStartWithADash() throws IOException {
        Path config = CliTesting.writeConfig(dir);

        CliTesting.Run result = run("adduser", "--config", config.toString(), "--", "alice@localhost", "-s3cret-word");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Added alice@localhost");
    }

    @Test
    void checkConfigAcceptsAValidFile() throws IOException {
        Path config = CliTesting.writeConfig(dir);

        CliTesting.Run result = run("check-config", config.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo(config + ": OK");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void checkConfigReportsWhatIsWrongAndWhere() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
                domains: [localhost]
                listeners:
                  c2s: {port: 70000}
                """);

        CliTesting.Run result = run("check-config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("listeners.c2s.port").contains("70000");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void checkConfigOfAMissingFileFails() {
        CliTesting.Run result = run("check-config", dir.resolve("absent.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("absent.yaml");
    }

    @Test
    void checkConfigWithoutAFileIsAUsageError() {
        CliTesting.Run result = run("check-config");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void commandsThatNeedAConfigurationReportItsErrors() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "domains: []\n");

        CliTesting.Run result = run("adduser", "--config", config.toString(), "alice@localhost", "s3cret-word");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("domains");
        assertThat(result.all()).doesNotContain("s3cret-word");
    }
}
