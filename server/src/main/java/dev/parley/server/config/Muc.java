package dev.parley.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The multi-user chat service (XEP-0045), hosted at {@code <subdomain>.<domain>} for every hosted domain.
 *
 * @param enabled           whether the service runs
 * @param subdomain         the label put in front of each hosted domain to name its chat service
 * @param roomCreation      who may create rooms (§10.1.1)
 * @param maxNicknameLength    most characters (code points) of a room nickname after RFC 8266 enforcement
 * @param voiceRequestInterval least time between two voice requests (§7.13) of one occupant; zero sets no pace
 */
public record Muc(boolean enabled, String subdomain, RoomCreation roomCreation, int maxNicknameLength,
                  Duration voiceRequestInterval) {
    public static final Muc DEFAULTS = new Muc(true, "conference", RoomCreation.LOCAL_USERS, 64,
            Duration.ofMinutes(2));

    public Muc {
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(roomCreation, "roomCreation");
        if (maxNicknameLength < 1) {
            throw new IllegalArgumentException("maxNicknameLength must be at least 1");
        }
        if (voiceRequestInterval.isNegative()) {
            throw new IllegalArgumentException("voiceRequestInterval must not be negative");
        }
    }

    /** The chat service's domain for a hosted domain. */
    public String serviceDomain(String hostedDomain) {
        return subdomain + "." + hostedDomain;
    }
}
