package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;

/**
 * Carries out role and affiliation changes once {@link Permissions} allowed them, with the presence XEP-0045 asks for:
 * kick 307 (§8.2), ban 301 (§9.1), removal from a members-only room 321 (§9.4) or 322 (§10.2), room destruction
 * (§10.9), otherwise an updated presence showing the new role or affiliation (§8.3-§8.5, §9.3-§9.8, §10.3-§10.7).
 */
final class RoleChanges {
    private RoleChanges() {
    }

    static void apply(Room room, Occupant target, Role newRole, String actor, String reason, Outbox out) {
        if (newRole == Role.NONE) {
            remove(room, target, 307, actor, reason, out);
            return;
        }
        target.role(newRole);
        OccupantPresence.Item item = new OccupantPresence.Item(room.affiliation(target.user()), newRole,
                realJid(target), null, actor, reason);
        OccupantPresence.broadcast(room, out, target, item, true, List.of(), List.of(), null);
    }

    static void affiliation(Room room, Jid user, Affiliation affiliation, String actor, String reason, Outbox out) {
        room.affiliation(user, affiliation);
        out.stateChanged();
        Occupant present = room.occupantByUser(user);
        if (present == null) {
            return;
        }
        if (affiliation == Affiliation.OUTCAST) {
            remove(room, present, 301, actor, reason, out);
        } else if (room.config().membersOnly() && !affiliation.atLeast(Affiliation.MEMBER)) {
            remove(room, present, 321, actor, reason, out);
        } else {
            present.role(room.defaultRole(affiliation));
            OccupantPresence.Item item = new OccupantPresence.Item(affiliation, present.role(), realJid(present), null,
                    actor, reason);
            OccupantPresence.broadcast(room, out, present, item, true, List.of(), List.of(), null);
        }
    }

    /** Makes an occupant leave with {@code status}, everyone (itself included) told why. */
    static void remove(Room room, Occupant target, int status, String actor, String reason, Outbox out) {
        OccupantPresence.Item item = new OccupantPresence.Item(room.affiliation(target.user()), Role.NONE,
                realJid(target), null, actor, reason);
        OccupantPresence.broadcast(room, out, target, item, false, List.of(status), List.of(), null);
        room.remove(target);
    }

    /** §10.9: every occupant leaves with the {@code <destroy/>} element, naming an alternate venue if given. */
    static void destroy(Room room, XmlElement destroy, Outbox out) {
        XmlElement told = XmlElement.builder("destroy", MucXml.USER).attribute("jid", destroy.attribute("jid"))
                .children(destroy.elements("reason", destroy.namespace())
                        .map(r -> XmlElement.builder("reason", MucXml.USER).text(r.text()).build()).toList())
                .build();
        for (Occupant occupant : room.occupants()) {
            OccupantPresence.Item item = new OccupantPresence.Item(Affiliation.NONE, Role.NONE, null, null, null, null);
            OccupantPresence.toSelf(room, out, occupant, occupant.sessions(), item, false, List.of(), List.of(), told);
        }
        room.destroy();
    }

    private static Jid realJid(Occupant occupant) {
        return occupant.sessions().isEmpty() ? null : occupant.sessions().getLast();
    }
}
