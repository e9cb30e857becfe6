package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.PresenceAuthorization;
import dev.parley.xmpp.jid.Jid;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServerModuleContextTest {
    private static final Jid ALICE = Jid.parse("alice@example.com");

    private static boolean allowed(PresenceAuthorization authorization, String requester) {
        return authorization.maySeePresence(Jid.parse(requester), ALICE).toCompletableFuture().join();
    }

    @Test
    void untilTheRosterInstallsItsOwnAnAccountSeesOnlyItsOwnPresence() {
        ServerModuleContext context = new ServerModuleContext(null, null, null, null, null, null, null, null,
                dev.parley.server.api.EntityCapabilities.NONE);

        assertThat(context.presenceAuthorization()).isSameAs(PresenceAuthorization.SELF_ONLY);
        assertThat(allowed(context.presenceAuthorization(), "alice@example.com/phone")).isTrue();
        assertThat(allowed(context.presenceAuthorization(), "alice@example.com")).isTrue();
        assertThat(allowed(context.presenceAuthorization(), "bob@example.com/desk")).isFalse();
        assertThat(allowed(context.presenceAuthorization(), "example.com")).isFalse();
    }

    @Test
    void oneAuthorizationCanBeInstalledOnce() {
        ServerModuleContext context = new ServerModuleContext(null, null, null, null, null, null, null, null,
                dev.parley.server.api.EntityCapabilities.NONE);
        PresenceAuthorization everyone = (requester, account) -> CompletableFuture.completedFuture(true);

        context.presenceAuthorization(everyone);

        assertThat(allowed(context.presenceAuthorization(), "bob@example.com/desk")).isTrue();
        assertThatThrownBy(() -> context.presenceAuthorization(everyone)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> context.presenceAuthorization(null)).isInstanceOf(NullPointerException.class);
    }
}
