package dev.parley.server.routing;

import dev.parley.server.api.ServiceDomain;
import dev.parley.server.api.StanzaHandler;
import dev.parley.xmpp.jid.Jid;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services at domains of their own (the router's "hosted services" stage, ARCHITECTURE.md §2): a stanza whose
 * 'to' is such a domain, or any JID at it, goes to the service's handler instead of local delivery or federation.
 */
public final class HostedServices {
    private final Map<String, Registered> byDomain = new ConcurrentHashMap<>();

    private record Registered(ServiceDomain service, StanzaHandler handler) {
    }

    /**
     * @throws IllegalStateException when a service is registered at that domain already
     */
    public void register(ServiceDomain service, StanzaHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (byDomain.putIfAbsent(service.domain().domain(), new Registered(service, handler)) != null) {
            throw new IllegalStateException("a service is registered at " + service.domain() + " already");
        }
    }

    /** The handler of the service at {@code to}'s domain, or null when no service lives there. */
    StanzaHandler handlerFor(Jid to) {
        Registered registered = byDomain.get(to.domain());
        return registered == null ? null : registered.handler();
    }

    /** The registered services, for the server's disco#items. */
    public List<ServiceDomain> services() {
        return byDomain.values().stream().map(Registered::service)
                .sorted(java.util.Comparator.comparing(service -> service.domain().toString())).toList();
    }
}
