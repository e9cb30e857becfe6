package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code muc#admin} protocol (XEP-0045 §8 moderator, §9 admin and §10.3-§10.7 owner use cases): changing roles by
 * nickname and affiliations by bare JID, and reading the role and affiliation lists. A request with several items is
 * checked as a whole first, so a refused request changes nothing. An affiliation item may carry the nickname reserved
 * for that user (§9.3; an empty one frees it, §9.5), checked like a registration ({@link RoomRegistration}); the
 * affiliation lists show each user's reserved nickname, or the nickname it is in the room under.
 */
final class RoomAdmin {
    private RoomAdmin() {
    }

    /** One checked item; {@code nick} is the nickname to reserve, "" to free it, null to leave it as it is. */
    private record Change(XmlElement item, Occupant target, Role role, Jid user, Affiliation affiliation,
                          String nick) {
    }

    static void handle(Room room, Iq iq, Nicknames nicknames, Outbox out) {
        Occupant actor = room.occupantBySession(iq.from());
        Role actorRole = actor == null ? Role.NONE : actor.role();
        Affiliation actorAffiliation = room.affiliation(iq.from());
        List<XmlElement> items = iq.payload().elements("item", MucXml.ADMIN).toList();
        if (items.isEmpty()) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
        } else if (iq.type() == Iq.Type.GET) {
            list(room, iq, items.getFirst(), actorRole, actorAffiliation, out);
        } else {
            change(room, iq, items, nicknames, actor, actorRole, actorAffiliation, out);
        }
    }

    private static void list(Room room, Iq iq, XmlElement query, Role actorRole, Affiliation actorAffiliation,
                             Outbox out) {
        Role role = Role.fromWire(query.attribute("role"));
        Affiliation affiliation = Affiliation.fromWire(query.attribute("affiliation"));
        List<XmlElement> listed = new ArrayList<>();
        if (role != null && role != Role.NONE) {
            // §8.5, §9.8: moderators read the role lists.
            if (actorRole != Role.MODERATOR) {
                out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.FORBIDDEN)));
                return;
            }
            room.occupants().stream().filter(o -> o.role() == role).forEach(o -> listed.add(XmlElement
                    .builder("item", MucXml.ADMIN).attribute("affiliation", room.affiliation(o.user()).wireName())
                    .attribute("role", role.wireName()).attribute("nick", o.nick())
                    .attribute("jid", o.sessions().isEmpty() ? null : o.sessions().getLast().toString()).build()));
        } else if (affiliation != null && affiliation != Affiliation.NONE) {
            Permissions.Action needed = affiliation == Affiliation.MEMBER ? Permissions.Action.GET_MEMBER_LIST
                    : affiliation == Affiliation.OUTCAST ? Permissions.Action.EDIT_OUTCASTS
                    : Permissions.Action.EDIT_MEMBERS;
            if (!Permissions.allows(needed, actorRole, actorAffiliation, room.config())) {
                out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.FORBIDDEN)));
                return;
            }
            room.withAffiliation(affiliation).forEach(user -> {
                Occupant present = room.occupantByUser(user);
                String nick = room.reservedNick(user) != null ? room.reservedNick(user)
                        : present == null ? null : present.nick();
                listed.add(XmlElement.builder("item", MucXml.ADMIN).attribute("affiliation", affiliation.wireName())
                        .attribute("jid", user.toString()).attribute("nick", nick)
                        .attribute("role", present == null ? null : present.role().wireName()).build());
            });
        } else {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
            return;
        }
        out.add(iq.result(XmlElement.builder("query", MucXml.ADMIN).children(listed).build()));
    }

    private static void change(Room room, Iq iq, List<XmlElement> items, Nicknames nicknames, Occupant actor,
                               Role actorRole, Affiliation actorAffiliation, Outbox out) {
        List<Change> changes = new ArrayList<>();
        List<Jid> owners = new ArrayList<>(room.withAffiliation(Affiliation.OWNER));
        for (XmlElement item : items) {
            String roleName = item.attribute("role");
            String affiliationName = item.attribute("affiliation");
            StanzaErrorCondition refusal;
            Change change;
            if (roleName != null && affiliationName == null) {
                Role role = Role.fromWire(roleName);
                Occupant target = item.attribute("nick") == null ? null : room.occupant(item.attribute("nick"));
                if (role == null || item.attribute("nick") == null) {
                    refusal = StanzaErrorCondition.BAD_REQUEST;
                } else if (target == null) {
                    refusal = actorRole == Role.MODERATOR ? StanzaErrorCondition.ITEM_NOT_FOUND
                            : StanzaErrorCondition.FORBIDDEN;
                } else {
                    refusal = Permissions.roleChange(actorRole, actorAffiliation, target.role(),
                            room.affiliation(target.user()), role);
                }
                change = new Change(item, target, role, null, null, null);
            } else if (affiliationName != null && roleName == null) {
                Affiliation affiliation = Affiliation.fromWire(affiliationName);
                Optional<Jid> user = Jid.tryParse(item.attribute("jid")).map(Jid::bare);
                String nick = item.attribute("nick");
                if (affiliation == null || user.isEmpty()) {
                    refusal = StanzaErrorCondition.BAD_REQUEST;
                } else {
                    Affiliation current = room.affiliation(user.get());
                    refusal = Permissions.affiliationChange(actorAffiliation, current, affiliation);
                    if (refusal == null && affiliation != Affiliation.NONE && !room.hasRoomForAffiliation(user.get())) {
                        refusal = StanzaErrorCondition.POLICY_VIOLATION;
                    }
                    if (refusal == null && current == Affiliation.OWNER && affiliation != Affiliation.OWNER) {
                        owners.remove(user.get());
                        if (owners.isEmpty()) {
                            refusal = StanzaErrorCondition.CONFLICT; // §10.7: a room keeps at least one owner
                        }
                    }
                    if (!affiliation.atLeast(Affiliation.MEMBER)) {
                        nick = null; // only the affiliated reserve a nickname; losing it frees theirs
                    } else if (refusal == null && nick != null && !nick.isEmpty()) {
                        Nicknames.Checked checked = nicknames.check(nick);
                        nick = checked.nick();
                        refusal = checked.refused() ? StanzaErrorCondition.NOT_ACCEPTABLE
                                : room.nickTakenByAnother(nick, user.get()) || reservedInThisRequest(changes, nick)
                                ? StanzaErrorCondition.CONFLICT : null;
                    }
                }
                change = new Change(item, null, null, user.orElse(null), affiliation, nick);
            } else {
                refusal = StanzaErrorCondition.BAD_REQUEST;
                change = null;
            }
            if (refusal != null) {
                out.add(iq.errorReply(StanzaError.of(refusal)));
                return;
            }
            changes.add(change);
        }
        String actorNick = actor == null ? null : actor.nick();
        for (Change change : changes) {
            String reason = change.item().childText("reason", MucXml.ADMIN).orElse(null);
            if (change.role() != null) {
                if (room.occupant(change.target().nick()) == change.target()) {
                    RoleChanges.apply(room, change.target(), change.role(), actorNick, reason, out);
                }
            } else {
                RoleChanges.affiliation(room, change.user(), change.affiliation(), actorNick, reason, out);
                if (change.nick() != null) {
                    room.reserveNick(change.user(), change.nick());
                }
            }
        }
        out.add(iq.result(null));
    }

    /** Whether an earlier item of the same request reserves a nickname the same as {@code nick}. */
    private static boolean reservedInThisRequest(List<Change> changes, String nick) {
        return changes.stream()
                .anyMatch(c -> c.nick() != null && !c.nick().isEmpty() && Nicknames.same(c.nick(), nick));
    }
}
