package dev.parley.server.routing;

import java.util.Objects;

/**
 * What the router hands stanzas to besides sessions and IQ handlers: the instant-messaging services and the hooks of
 * the protocols that see every stanza on its way.
 *
 * @param presence       presence broadcast, subscriptions and probes (RFC 6121 §3, §4)
 * @param offline        storage of messages for accounts with no available resource (XEP-0160)
 * @param blocking       what XEP-0191 blocking lets through, asked before anything is routed
 * @param archive        sees every message on its way to a local account first (XEP-0313)
 * @param serverRequests the IQ requests the server sent, which results and errors for the server may answer
 */
public record RoutingServices(PresenceHandling presence, OfflineHandling offline, StanzaFilter blocking,
                              ArchiveHandling archive, PendingRequests serverRequests) {
    public RoutingServices {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(offline, "offline");
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(serverRequests, "serverRequests");
    }
}
