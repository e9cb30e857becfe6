package dev.parley.server.api;

import dev.parley.xmpp.jid.Jid;

import java.util.Objects;

/**
 * A service living at its own domain next to the hosted domains (XEP-0030 §4.3: a server lists such services as its
 * disco#items), for instance a XEP-0045 chat service.
 *
 * @param domain the service's domain JID
 * @param name   a human-readable name shown in disco#items, or null
 */
public record ServiceDomain(Jid domain, String name) {
    public ServiceDomain {
        Objects.requireNonNull(domain, "domain");
        if (!domain.isDomain()) {
            throw new IllegalArgumentException("a service domain is a domain JID: " + domain);
        }
    }
}
