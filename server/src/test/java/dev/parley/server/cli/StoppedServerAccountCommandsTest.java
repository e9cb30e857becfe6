package dev.parley.server.cli;

import dev.parley.server.ServerCore;
import dev.parley.server.api.storage.Account;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static dev.parley.server.cli.CliTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

/** With no server running, the account commands open the store themselves. */
class StoppedServerAccountCommandsTest {
    private static final Jid ALICE = Jid.parse("alice@localhost");

    @TempDir
    Path dir;
    private String config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = CliTesting.writeConfig(dir).toString();
    }

    @Test
    void addUserCreatesTheAccountInTheStore() throws Exception {
        CliTesting.Run result = run("adduser", "--config", config, "alice@localhost", "first-secret");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("Added alice@localhost");
        assertThat(result.all()).doesNotContain("first-secret");
        assertThat(storedAccount()).hasValueSatisfying(
                account -> assertThat(CliTesting.hasPassword(account, "first-secret")).isTrue());
        assertThat(dir.resolve("data/admin.address")).doesNotExist();
    }

    @Test
    void addingAnExistingAccountFailsWithoutChangingIt() throws Exception {
        run("adduser", "--config", config, "alice@localhost", "first-secret");

        CliTesting.Run again = run("adduser", "--config", config, "alice@localhost", "other-secret");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("alice@localhost already exists");
        assertThat(again.out()).isEmpty();
        assertThat(storedAccount()).hasValueSatisfying(
                account -> assertThat(CliTesting.hasPassword(account, "first-secret")).isTrue());
    }

    @Test
    void passwdReplacesThePassword() throws Exception {
        run("adduser", "--config", config, "alice@localhost", "first-secret");

        CliTesting.Run result = run("passwd", "-c", config, "alice@localhost", "second-secret");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("Changed the password of alice@localhost");
        assertThat(result.all()).doesNotContain("second-secret");
        assertThat(storedAccount()).hasValueSatisfying(account -> {
            assertThat(CliTesting.hasPassword(account, "second-secret")).isTrue();
            assertThat(CliTesting.hasPassword(account, "first-secret")).isFalse();
        });
    }

    @Test
    void passwdOfAnUnknownAccountFails() {
        CliTesting.Run result = run("passwd", "--config", config, "nobody@localhost", "second-secret");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("No account nobody@localhost");
    }

    @Test
    void delUserRemovesTheAccount() throws Exception {
        run("adduser", "--config", config, "alice@localhost", "first-secret");

        CliTesting.Run result = run("deluser", "--config", config, "alice@localhost");
        CliTesting.Run again = run("deluser", "--config", config, "alice@localhost");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("Deleted 1 account(s)");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("No account alice@localhost");
        assertThat(storedAccount()).isEmpty();
    }

    @Test
    void refusedArgumentsFailWithTheCommandsMessage() {
        CliTesting.Run foreign = run("adduser", "--config", config, "alice@elsewhere.example", "first-secret");
        CliTesting.Run notAJid = run("adduser", "--config", config, "@@", "first-secret");
        CliTesting.Run shortPassword = run("adduser", "--config", config, "alice@localhost", "x");

        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err()).contains("alice@elsewhere.example is not a bare JID at a domain this server hosts");
        assertThat(notAJid.exitCode()).isEqualTo(1);
        assertThat(notAJid.err()).contains("'accountjid' is not a valid JID");
        assertThat(shortPassword.exitCode()).isEqualTo(1);
        assertThat(shortPassword.err()).contains("The password must have at least");
    }

    private Optional<Account> storedAccount() throws Exception {
        try (ServerCore core = ServerCore.open(ConfigLoader.load(Path.of(config)), new SessionRegistry())) {
            return core.accounts().find(ALICE).toCompletableFuture().join();
        }
    }
}
