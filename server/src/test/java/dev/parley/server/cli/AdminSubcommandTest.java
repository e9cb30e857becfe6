package dev.parley.server.cli;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerCore;
import dev.parley.server.api.storage.Account;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.testing.RawXmppClient;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.parley.server.cli.CliTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code parley admin}: every registered command, on a stopped server's store and through a running server. */
class AdminSubcommandTest {
    private static final Jid ALICE = Jid.parse("alice@localhost");

    @TempDir
    Path dir;
    private String config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = CliTesting.writeConfig(dir).toString();
    }

    @Test
    void listsTheCommandsWithTheirFields() {
        CliTesting.Run listed = run("admin", "--config", config);

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("disable-user: Disable a User")
                .contains("    accountjids  (jid-multi, required)  The Jabber ID(s) to disable")
                .contains("    max_items  (list-single, optional: 25|50|75|100|150|200|none)")
                .contains("announce: Send Announcement to Online Users");
    }

    @Test
    void runsAnyCommandOnAStoppedServersStore() throws Exception {
        CliTesting.Run added = run("admin", "-c", config, "add-user", "accountjid=alice@localhost",
                "password=first-secret", "password-verify=first-secret");
        CliTesting.Run disabled = run("admin", "-c", config, "disable-user", "accountjids=alice@localhost");
        boolean disabledInStore = storedAccount().disabled();
        CliTesting.Run counted = run("admin", "-c", config, "get-registered-users-num");

        assertThat(added.exitCode()).isZero();
        assertThat(added.out().strip()).isEqualTo("Added alice@localhost");
        assertThat(disabled.exitCode()).isZero();
        assertThat(disabled.out().strip()).isEqualTo("Disabled 1 account(s)");
        assertThat(disabledInStore).isTrue();
        assertThat(counted.out()).isEqualTo("1 registered users\nregisteredusersnum: 1\n");
        assertThat(added.all()).doesNotContain("first-secret");
    }

    @Test
    void badArgumentsAreRefusedWithoutEchoingThem() throws Exception {
        run("adduser", "-c", config, "alice@localhost", "first-secret");

        CliTesting.Run noField = run("admin", "-c", config, "change-user-password", "accountjid=alice@localhost",
                "s3cret-without-field");
        CliTesting.Run misspelt = run("admin", "-c", config, "change-user-password", "accountjid=alice@localhost",
                "pasword=s3cret-misspelt");
        CliTesting.Run unknown = run("admin", "-c", config, "frobnicate");
        CliTesting.Run malformed = run("admin", "-c", config, "disable-user", "accountjids=alice@@localhost");

        assertThat(noField.exitCode()).isEqualTo(2);
        assertThat(noField.err()).contains("Argument 3 is not of the form FIELD=VALUE");
        assertThat(misspelt.exitCode()).isEqualTo(1);
        assertThat(misspelt.err()).contains("'pasword' is not a field of change-user-password");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no admin command frobnicate");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("'accountjids' is not a valid JID");
        assertThat(noField.all() + misspelt.all()).doesNotContain("s3cret");
        assertThat(storedAccount().disabled()).isFalse();
        assertThat(CliTesting.hasPassword(storedAccount(), "first-secret")).isTrue();
    }

    @Test
    void goesThroughTheAdminInterfaceOfARunningServer() throws Exception {
        try (ParleyServer server = ParleyServer.start(ConfigLoader.load(Path.of(config)))) {
            server.accounts().create(ALICE, "alice-password").toCompletableFuture().join();
            try (RawXmppClient alice = RawXmppClient.connect(server.boundPort("c2s"))) {
                alice.login("localhost", "alice", "alice-password", "phone");

                CliTesting.Run listed = run("admin", "-c", config);
                CliTesting.Run online = run("admin", "-c", config, "get-online-users-list", "max_items=25");
                CliTesting.Run ended = run("admin", "-c", config, "end-user-session",
                        "accountjids=alice@localhost/phone");

                assertThat(listed.out()).contains("end-user-session: End User Session");
                assertThat(online.exitCode()).isZero();
                assertThat(online.out()).isEqualTo("1 online users\nonlineuserjids: alice@localhost\n");
                assertThat(ended.out().strip()).isEqualTo("Ended 1 session(s)");
                assertThat(alice.streamErrorCondition()).isEqualTo("policy-violation");
            }
        }
    }

    private Account storedAccount() throws Exception {
        try (ServerCore core = ServerCore.open(ConfigLoader.load(Path.of(config)), new SessionRegistry())) {
            return core.accounts().find(ALICE).toCompletableFuture().join().orElseThrow();
        }
    }
}
