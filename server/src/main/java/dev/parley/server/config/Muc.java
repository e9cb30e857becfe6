package dev.parley.server.config;

import java.util.Objects;

/**
 * The multi-user chat service (XEP-0045), hosted at {@code <subdomain>.<domain>} for every hosted domain.
 *
 * @param enabled   whether the service runs
 * @param subdomain the label put in front of each hosted domain to name its chat service
 */
public record Muc(boolean enabled, String subdomain) {
    public static final Muc DEFAULTS = new Muc(true, "conference");

    public Muc {
        Objects.requireNonNull(subdomain, "subdomain");
    }

    /** The chat service's domain for a hosted domain. */
    public String serviceDomain(String hostedDomain) {
        return subdomain + "." + hostedDomain;
    }
}
