package dev.parley.server.routing;

import dev.parley.server.api.ServiceDomain;
import dev.parley.server.api.StanzaHandler;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostedServicesTest {
    private static final StanzaHandler HANDLER = stanza -> CompletableFuture.completedFuture(null);

    @Test
    void everyJidAtTheServiceDomainGoesToItsHandler() {
        HostedServices services = new HostedServices();
        services.register(new ServiceDomain(Jid.domain("conference.example.com"), "Chatrooms"), HANDLER);
        assertThat(services.handlerFor(Jid.parse("conference.example.com"))).isSameAs(HANDLER);
        assertThat(services.handlerFor(Jid.parse("room@conference.example.com/nick"))).isSameAs(HANDLER);
        assertThat(services.handlerFor(Jid.parse("alice@example.com"))).isNull();
        assertThat(services.services()).extracting(ServiceDomain::name).containsExactly("Chatrooms");
    }

    @Test
    void aDomainHasOneService() {
        HostedServices services = new HostedServices();
        ServiceDomain muc = new ServiceDomain(Jid.domain("conference.example.com"), null);
        services.register(muc, HANDLER);
        assertThatThrownBy(() -> services.register(muc, HANDLER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ServiceDomain(Jid.parse("a@conference.example.com"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
