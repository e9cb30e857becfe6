package dev.parley.server.cli;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerCore;
import dev.parley.server.api.storage.Account;
import dev.parley.server.api.storage.StoreLockedException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

import static dev.parley.server.cli.CliTesting.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With a server running on the data directory, the account commands go through its admin interface: the store stays
 * locked by the server the whole time, and the server itself sees the changes.
 */
class RunningServerAccountCommandsTest {
    private static final Jid ALICE = Jid.parse("alice@localhost");

    @TempDir
    Path dir;

    @Test
    void accountCommandsGoThroughTheAdminInterface() throws Exception {
        Path configFile = CliTesting.writeConfig(dir);
        String config = configFile.toString();
        ParleyConfig loaded = ConfigLoader.load(configFile);
        try (ParleyServer server = ParleyServer.start(loaded)) {
            assertThatThrownBy(() -> ServerCore.open(loaded, new SessionRegistry()))
                    .isInstanceOf(StoreLockedException.class);

            CliTesting.Run added = run("adduser", "--config", config, "alice@localhost", "first-secret");
            CliTesting.Run duplicate = run("adduser", "--config", config, "alice@localhost", "other-secret");
            Optional<Account> afterAdd = find(server);
            CliTesting.Run changed = run("passwd", "--config", config, "alice@localhost", "second-secret");
            Optional<Account> afterPasswd = find(server);
            CliTesting.Run deleted = run("deluser", "--config", config, "alice@localhost");
            CliTesting.Run unknown = run("deluser", "--config", config, "alice@localhost");

            assertThat(added.exitCode()).isZero();
            assertThat(added.out().strip()).isEqualTo("Added alice@localhost");
            assertThat(duplicate.exitCode()).isEqualTo(1);
            assertThat(duplicate.err().strip()).isEqualTo("alice@localhost already exists");
            assertThat(afterAdd).hasValueSatisfying(
                    account -> assertThat(CliTesting.hasPassword(account, "first-secret")).isTrue());
            assertThat(changed.exitCode()).isZero();
            assertThat(changed.out().strip()).isEqualTo("Changed the password of alice@localhost");
            assertThat(afterPasswd).hasValueSatisfying(
                    account -> assertThat(CliTesting.hasPassword(account, "second-secret")).isTrue());
            assertThat(deleted.exitCode()).isZero();
            assertThat(find(server)).isEmpty();
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err().strip()).isEqualTo("No account alice@localhost");
            assertThat(added.all() + duplicate.all() + changed.all())
                    .doesNotContain("first-secret", "other-secret", "second-secret");
        }
    }

    @Test
    void aServerWithoutAdminInterfaceIsReportedNotBypassed() throws Exception {
        Path configFile = CliTesting.writeConfig(dir, "{enabled: false}", "");
        try (ParleyServer server = ParleyServer.start(ConfigLoader.load(configFile))) {
            CliTesting.Run result = run("adduser", "--config", configFile.toString(), "alice@localhost", "first-secret");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("A Parley server is running on").contains("no admin interface")
                    .contains("listeners.admin");
            assertThat(find(server)).isEmpty();
        }
    }

    @Test
    void anUnreachableAdminInterfaceIsReported() throws Exception {
        Path configFile = CliTesting.writeConfig(dir);
        try (ParleyServer server = ParleyServer.start(ConfigLoader.load(configFile))) {
            // The published address now points at a port nobody listens on (1 is tcpmux, never served here).
            Path address = dir.resolve("data/admin.address");
            Files.writeString(address, "http://127.0.0.1:1/\n");

            CliTesting.Run result = run("adduser", "--config", configFile.toString(), "alice@localhost", "first-secret");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("A Parley server is running on").contains("is unreachable");
            assertThat(find(server)).isEmpty();
        }
    }

    @Test
    void theServerPublishesItsEndpointWhileRunningOnly() throws Exception {
        Path configFile = CliTesting.writeConfig(dir);
        Path token = dir.resolve("data/admin.token");
        Path address = dir.resolve("data/admin.address");
        try (ParleyServer server = ParleyServer.start(ConfigLoader.load(configFile))) {
            assertThat(Files.readString(address).strip())
                    .isEqualTo("http://127.0.0.1:" + server.boundPort("admin") + "/");
            assertThat(Files.getPosixFilePermissions(token))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(token).doesNotExist();
        assertThat(address).doesNotExist();
    }

    private static Optional<Account> find(ParleyServer server) {
        return server.accounts().find(ALICE).toCompletableFuture().join();
    }
}
