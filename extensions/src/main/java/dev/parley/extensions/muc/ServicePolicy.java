package dev.parley.extensions.muc;

import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.RoomCreation;
import dev.parley.xmpp.jid.Jid;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service-wide rules rooms apply, from the {@code muc.*} settings: who may create a room (XEP-0045 §10.1.1) and
 * the nickname rules ({@link Nicknames}), and the pace of voice requests (§7.13).
 *
 * @param creation             who may create rooms
 * @param hostedDomains        the server's domains: their users are the local users
 * @param admins               the server's administrators (bare JIDs)
 * @param nicknames            what a room nickname may be
 * @param voiceRequestInterval least time between two voice requests of one occupant
 */
record ServicePolicy(RoomCreation creation, Set<String> hostedDomains, Set<Jid> admins, Nicknames nicknames,
                     Duration voiceRequestInterval) {
    ServicePolicy {
        Objects.requireNonNull(creation, "creation");
        hostedDomains = Set.copyOf(hostedDomains);
        admins = admins.stream().map(Jid::bare).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(nicknames, "nicknames");
        Objects.requireNonNull(voiceRequestInterval, "voiceRequestInterval");
    }

    static ServicePolicy of(ParleyConfig config) {
        return new ServicePolicy(config.muc().roomCreation(), Set.copyOf(config.domains()),
                config.admins().stream().map(Jid::parse).collect(Collectors.toSet()),
                new Nicknames(config.muc().maxNicknameLength()), config.muc().voiceRequestInterval());
    }

    /** Whether {@code user} may create a room that does not exist yet. */
    boolean mayCreateRooms(Jid user) {
        return switch (creation) {
            case ANYONE -> true;
            case LOCAL_USERS -> user.local() != null && hostedDomains.contains(user.domain());
            case ADMINS -> admins.contains(user.bare());
        };
    }
}
