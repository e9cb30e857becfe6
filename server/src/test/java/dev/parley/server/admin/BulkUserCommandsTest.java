package dev.parley.server.admin;

import dev.parley.server.ServerCore;
import dev.parley.server.admin.http.AdminHttpClient;
import dev.parley.server.admin.http.AdminHttpServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.Listener;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.transport.EventLoops;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkUserCommandsTest {
    @TempDir
    Path dataDir;
    private ServerCore core;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void addsTheNumberedAccountsAndCountsThoseThatExist() throws Exception {
        open("[localhost]");

        AdminResult first = run(Map.of("prefix", "load", "count", "20", "password", "secret-pw", "first-index", "3"));
        AdminResult again = run(Map.of("prefix", "load", "count", "5", "password", "secret-pw", "first-index", "21"));

        assertThat(first.values()).containsExactly(Map.entry("created", List.of("20")), Map.entry("existing", List.of("0")));
        assertThat(again.values()).containsExactly(Map.entry("created", List.of("3")), Map.entry("existing", List.of("2")));
        assertThat(exists("load2")).isFalse();
        assertThat(exists("load3")).isTrue();
        assertThat(exists("load25")).isTrue();
        assertThat(exists("load26")).isFalse();
        assertThat(core.accounts().countAll().toCompletableFuture().join()).isEqualTo(23);
    }

    @Test
    void numbersFromOneByDefault() throws Exception {
        open("[localhost]");

        run(Map.of("prefix", "u", "count", "2", "password", "secret-pw"));

        assertThat(exists("u1")).isTrue();
        assertThat(exists("u2")).isTrue();
        assertThat(exists("u0")).isFalse();
    }

    @Test
    void refusesBadInputBeforeCreatingAnything() throws Exception {
        open("[localhost]");

        assertRefused(Map.of("prefix", "u", "count", "0", "password", "secret-pw"), "'count' must be between");
        assertRefused(Map.of("prefix", "u", "count", "100001", "password", "secret-pw"), "'count' must be between");
        assertRefused(Map.of("prefix", "u", "count", "ten", "password", "secret-pw"), "whole number");
        assertRefused(Map.of("prefix", "u", "password", "secret-pw"), "'count' is required");
        assertRefused(Map.of("prefix", "a@b", "count", "2", "password", "secret-pw"), "not a valid local part");
        assertRefused(Map.of("prefix", "u", "count", "2", "password", "short"), "at least 8 characters");
        assertRefused(Map.of("prefix", "u", "count", "2", "password", "secret-pw", "domain", "elsewhere"),
                "not a domain this server hosts");
        assertRefused(Map.of("prefix", "u", "count", "2", "password", "secret-pw", "first-index", "-1"),
                "'first-index' must be between");

        assertThat(core.accounts().countAll().toCompletableFuture().join()).isZero();
    }

    @Test
    void needsTheDomainWhenSeveralAreHosted() throws Exception {
        open("[one.test, two.test]");

        assertRefused(Map.of("prefix", "u", "count", "1", "password", "secret-pw"), "'domain' is required");
        run(Map.of("prefix", "u", "count", "1", "password", "secret-pw", "domain", "two.test"));

        assertThat(core.accounts().exists(Jid.of("u1", "two.test", null)).toCompletableFuture().join()).isTrue();
        assertThat(core.accounts().exists(Jid.of("u1", "one.test", null)).toCompletableFuture().join()).isFalse();
    }

    @Test
    void runsThroughTheAdminInterface() throws Exception {
        open("[localhost]");
        try (EventLoops loops = new EventLoops(1);
             AdminHttpServer admin = AdminHttpServer.start(loops, new Listener(true, "127.0.0.1", 0),
                     core.adminCommands(), dataDir)) {
            AdminResult result = new AdminHttpClient(admin.endpoint()).run("add-users",
                    AdminArguments.of(Map.of("prefix", "h", "count", "3", "password", "secret-pw")));

            assertThat(result.values()).containsEntry("created", List.of("3"));
            assertThat(exists("h3")).isTrue();
        }
    }

    private void open(String domains) throws Exception {
        core = ServerCore.open(ConfigLoader.parse("""
                domains: %s
                data-dir: %s
                auth:
                  scram-iterations: 4096
                """.formatted(domains, dataDir), "test", dataDir), new SessionRegistry());
    }

    private AdminResult run(Map<String, String> arguments) {
        return core.adminCommands().command("add-users").orElseThrow()
                .execute(AdminArguments.of(arguments)).toCompletableFuture().join();
    }

    private void assertRefused(Map<String, String> arguments, String message) {
        assertThatThrownBy(() -> run(arguments))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(AdminCommandException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(AdminCommandException.Reason.BAD_REQUEST);
                    assertThat(refused.getMessage()).contains(message);
                });
    }

    private boolean exists(String local) {
        return core.accounts().exists(Jid.of(local, "localhost", null)).toCompletableFuture().join();
    }
}
