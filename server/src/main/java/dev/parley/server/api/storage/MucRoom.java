package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What survives a restart of a persistent XEP-0045 room: its configuration as the values of its {@code muc#roomconfig}
 * form (§15.5.3), its affiliations (§5.2) with the nicknames they reserve (§7.10, §9.3) and its subject. Occupants
 * and roles are not stored: they end with the sessions (§5.1).
 *
 * @param jid          the room's bare JID ({@code room@service})
 * @param config       form field var → values, in the room's order
 * @param affiliations bare JID → its affiliation, in the room's order
 * @param subject      the current subject, empty when none was set
 */
public record MucRoom(Jid jid, Map<String, List<String>> config, Map<Jid, Affiliation> affiliations, String subject) {
    /**
     * What one bare JID is to the room.
     *
     * @param name {@code owner}, {@code admin}, {@code member} or {@code outcast}
     * @param nick the room nickname reserved for it, or null
     */
    public record Affiliation(String name, String nick) {
        public Affiliation {
            Objects.requireNonNull(name, "name");
            if (nick != null && nick.isEmpty()) {
                throw new IllegalArgumentException("a reserved nickname is not empty");
            }
        }

        /** An affiliation without a reserved nickname. */
        public static Affiliation of(String name) {
            return new Affiliation(name, null);
        }
    }

    public MucRoom {
        Objects.requireNonNull(jid, "jid");
        if (jid.local() == null || jid.resource() != null) {
            throw new IllegalArgumentException("a room JID is room@service: " + jid);
        }
        Map<String, List<String>> configCopy = new LinkedHashMap<>();
        config.forEach((var, values) -> configCopy.put(Objects.requireNonNull(var, "var"), List.copyOf(values)));
        config = Collections.unmodifiableMap(configCopy);
        Map<Jid, Affiliation> affiliationCopy = new LinkedHashMap<>();
        affiliations.forEach((member, affiliation) -> {
            if (!member.isBare()) {
                throw new IllegalArgumentException("affiliations are held by bare JIDs: " + member);
            }
            affiliationCopy.put(member, Objects.requireNonNull(affiliation, "affiliation"));
        });
        affiliations = Collections.unmodifiableMap(affiliationCopy);
        Objects.requireNonNull(subject, "subject");
    }
}
