package dev.parley.server;

import dev.parley.server.api.EntityCapabilities;
import dev.parley.server.api.PresenceAuthorization;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerModuleContextTest {
    private static final Jid ALICE = Jid.parse("alice@example.com");

    @TempDir
    Path dataDir;
    private ServerCore core;

    @BeforeEach
    void openCore() throws Exception {
        ParleyConfig config = ConfigLoader.parse("domains: [example.com]\ndata-dir: " + dataDir + "\n", "test", dataDir);
        core = ServerCore.open(config, new SessionRegistry());
    }

    @AfterEach
    void closeCore() {
        core.close();
    }

    private ServerModuleContext context() {
        return new ServerModuleContext(null, core, null, null, null, null, EntityCapabilities.NONE, Runnable::run);
    }

    private static boolean allowed(PresenceAuthorization authorization, String requester) {
        return authorization.maySeePresence(Jid.parse(requester), ALICE).toCompletableFuture().join();
    }

    @Test
    void untilTheRosterInstallsItsOwnAnAccountSeesOnlyItsOwnPresence() {
        ServerModuleContext context = context();

        assertThat(context.presenceAuthorization()).isSameAs(PresenceAuthorization.SELF_ONLY);
        assertThat(allowed(context.presenceAuthorization(), "alice@example.com/phone")).isTrue();
        assertThat(allowed(context.presenceAuthorization(), "alice@example.com")).isTrue();
        assertThat(allowed(context.presenceAuthorization(), "bob@example.com/desk")).isFalse();
        assertThat(allowed(context.presenceAuthorization(), "example.com")).isFalse();
    }

    @Test
    void oneAuthorizationCanBeInstalledOnce() {
        ServerModuleContext context = context();
        PresenceAuthorization everyone = (requester, account) -> CompletableFuture.completedFuture(true);

        context.presenceAuthorization(everyone);

        assertThat(allowed(context.presenceAuthorization(), "bob@example.com/desk")).isTrue();
        assertThatThrownBy(() -> context.presenceAuthorization(everyone)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> context.presenceAuthorization(null)).isInstanceOf(NullPointerException.class);
    }
}
