package dev.parley.server.admin.http;

import dev.parley.server.ServerCore;
import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.admin.AdminResult;
import dev.parley.server.admin.CommandDescription;
import dev.parley.server.api.storage.Account;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.Listener;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.transport.EventLoops;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin interface as its own client sees it: every command described and run as it would be in-process. */
class AdminHttpClientTest {
    private static final Jid ALICE = Jid.parse("alice@localhost");

    @TempDir
    Path dataDir;
    private ServerCore core;
    private EventLoops loops;
    private AdminHttpServer admin;
    private AdminHttpClient client;

    @BeforeEach
    void start() throws Exception {
        core = ServerCore.open(ConfigLoader.parse("""
                domains: [localhost]
                data-dir: %s
                auth:
                  scram-iterations: 4096
                """.formatted(dataDir), "test", dataDir), new SessionRegistry());
        loops = new EventLoops(1);
        admin = AdminHttpServer.start(loops, new Listener(true, "127.0.0.1", 0), core.adminCommands(), dataDir);
        client = new AdminHttpClient(AdminEndpoint.read(dataDir).orElseThrow());
        core.accounts().create(ALICE, "alice-password").toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        admin.close();
        loops.close();
        core.close();
    }

    @Test
    void describesEveryCommandAsTheRegistryDoes() throws Exception {
        List<CommandDescription> local = core.adminCommands().all().stream().map(CommandDescription::of).toList();

        assertThat(client.commands()).isEqualTo(local);
        assertThat(local).extracting(CommandDescription::name).contains("add-user", "delete-user", "disable-user",
                "reenable-user", "end-user-session", "change-user-password", "get-registered-users-num",
                "get-online-users-num", "get-online-users-list", "announce");
    }

    @Test
    void disablesAndReenablesAnAccount() throws Exception {
        AdminArguments alice = new AdminArguments(Map.of("accountjids", List.of("alice@localhost")));

        AdminResult disabled = client.run("disable-user", alice);

        assertThat(disabled.message()).isEqualTo("Disabled 1 account(s)");
        assertThat(account().disabled()).isTrue();
        assertThat(core.accounts().credentials("localhost", "alice").toCompletableFuture().join()).isEmpty();

        client.run("reenable-user", alice);

        assertThat(account().disabled()).isFalse();
        assertThat(core.accounts().credentials("localhost", "alice").toCompletableFuture().join()).isPresent();
    }

    @Test
    void resultValuesKeepTheirShape() throws Exception {
        AdminResult online = client.run("get-online-users-list", new AdminArguments(Map.of()));
        AdminResult registered = client.run("get-registered-users-num", new AdminArguments(Map.of()));

        assertThat(online.values()).containsExactly(Map.entry("onlineuserjids", List.of()));
        assertThat(registered.values()).containsExactly(Map.entry("registeredusersnum", List.of("1")));
    }

    @Test
    void refusalsComeBackAsTheyWouldLocallyAndChangeNothing() {
        assertThatThrownBy(() -> client.run("disable-user",
                new AdminArguments(Map.of("accountjids", List.of("alice@localhost", "nobody@localhost")))))
                .isInstanceOfSatisfying(AdminCommandException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(AdminCommandException.Reason.NOT_FOUND);
                    assertThat(refused.getMessage()).isEqualTo("No account nobody@localhost");
                });
        assertThatThrownBy(() -> client.run("disable-user",
                new AdminArguments(Map.of("accountjids", List.of("alice@@localhost")))))
                .isInstanceOfSatisfying(AdminCommandException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(AdminCommandException.Reason.BAD_REQUEST));
        assertThatThrownBy(() -> client.run("end-user-session",
                new AdminArguments(Map.of("accountjids", List.of("alice@localhost")))))
                .isInstanceOfSatisfying(AdminCommandException.class,
                        refused -> assertThat(refused.getMessage()).isEqualTo("No session of alice@localhost"));
        assertThat(account().disabled()).isFalse();
    }

    private Account account() {
        return core.accounts().find(ALICE).toCompletableFuture().join().orElseThrow();
    }
}
