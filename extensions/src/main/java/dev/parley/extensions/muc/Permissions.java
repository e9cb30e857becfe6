package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaErrorCondition;

import java.util.EnumMap;
import java.util.Map;

/**
 * Who may do what in a room, written once: XEP-0045 §5.1.3 (privileges of roles, the starred ones depending on the
 * room configuration), §5.2.1 (privileges of affiliations), and the rules of §§8-10 on whose role or affiliation an
 * occupant may change. Every check in the room asks here; {@code PermissionsTest} walks the whole table.
 */
final class Permissions {
    /** What an occupant (or a user, for the affiliation-only actions) attempts. */
    enum Action {
        SEND_GROUPCHAT, CHANGE_SUBJECT, SEND_PRIVATE_MESSAGE, INVITE, CHANGE_NICK, REQUEST_VOICE,
        KICK, SET_VOICE, SET_MODERATOR, EDIT_MEMBERS, EDIT_OUTCASTS, EDIT_ADMINS, EDIT_OWNERS,
        CONFIGURE, DESTROY, GET_MEMBER_LIST, MODERATE_MESSAGE
    }

    @FunctionalInterface
    private interface Rule {
        boolean allows(Role role, Affiliation affiliation, RoomConfig config);
    }

    private static final Map<Action, Rule> TABLE = new EnumMap<>(Action.class);

    static {
        // §5.1.3: voice (participant or moderator) to speak to all; the subject by moderators, or by participants
        // when muc#roomconfig_changesubject allows it.
        TABLE.put(Action.SEND_GROUPCHAT, (role, aff, config) -> role.compareTo(Role.PARTICIPANT) >= 0);
        TABLE.put(Action.CHANGE_SUBJECT, (role, aff, config) -> role == Role.MODERATOR
                || (config.occupantsChangeSubject() && role == Role.PARTICIPANT));
        TABLE.put(Action.SEND_PRIVATE_MESSAGE, (role, aff, config) -> config.privateMessages().minimumRole != null
                && role.compareTo(config.privateMessages().minimumRole) >= 0);
        // §7.8.2: with invitations not open to occupants, only admins and owners invite (to members-only rooms too).
        TABLE.put(Action.INVITE, (role, aff, config) -> role != Role.NONE
                && (config.allowInvites() || aff.atLeast(Affiliation.ADMIN)));
        TABLE.put(Action.CHANGE_NICK, (role, aff, config) -> role != Role.NONE);
        TABLE.put(Action.REQUEST_VOICE, (role, aff, config) -> role == Role.VISITOR);
        TABLE.put(Action.KICK, (role, aff, config) -> role == Role.MODERATOR);
        TABLE.put(Action.SET_VOICE, (role, aff, config) -> role == Role.MODERATOR);
        // XEP-0425 §3: retracting someone's message is a moderator's act, whatever the affiliation.
        TABLE.put(Action.MODERATE_MESSAGE, (role, aff, config) -> role == Role.MODERATOR);
        // §5.2.1: admins and owners grant and revoke moderator status, membership and bans.
        TABLE.put(Action.SET_MODERATOR, (role, aff, config) -> aff.atLeast(Affiliation.ADMIN));
        TABLE.put(Action.EDIT_MEMBERS, (role, aff, config) -> aff.atLeast(Affiliation.ADMIN));
        TABLE.put(Action.EDIT_OUTCASTS, (role, aff, config) -> aff.atLeast(Affiliation.ADMIN));
        TABLE.put(Action.EDIT_ADMINS, (role, aff, config) -> aff == Affiliation.OWNER);
        TABLE.put(Action.EDIT_OWNERS, (role, aff, config) -> aff == Affiliation.OWNER);
        TABLE.put(Action.CONFIGURE, (role, aff, config) -> aff == Affiliation.OWNER);
        TABLE.put(Action.DESTROY, (role, aff, config) -> aff == Affiliation.OWNER);
        // §9.5 / muc#roomconfig_getmemberlist: the roles allowed to read the member list, plus admins and owners.
        TABLE.put(Action.GET_MEMBER_LIST, (role, aff, config) -> aff.atLeast(Affiliation.ADMIN)
                || config.getMemberList().contains(role));
    }

    private Permissions() {
    }

    static boolean allows(Action action, Role role, Affiliation affiliation, RoomConfig config) {
        return TABLE.get(action).allows(role, affiliation, config);
    }

    /**
     * Whether an actor may give an occupant {@code newRole} (§8.2 kick, §8.3-8.4 voice, §9.6-9.7 moderator status):
     * null when allowed, otherwise the error condition. Admins and owners are protected from moderators (§5.1.1,
     * §8.2, §9.7: {@code not-allowed}); an owner may still act on an admin.
     */
    static StanzaErrorCondition roleChange(Role actorRole, Affiliation actor, Role targetRole, Affiliation target,
                                           Role newRole) {
        if (actorRole != Role.MODERATOR) {
            return StanzaErrorCondition.FORBIDDEN;
        }
        boolean demotion = newRole.compareTo(targetRole) < 0;
        if (demotion && target.atLeast(Affiliation.ADMIN) && !(actor == Affiliation.OWNER && target == Affiliation.ADMIN)) {
            return StanzaErrorCondition.NOT_ALLOWED;
        }
        boolean moderatorChange = newRole == Role.MODERATOR || (targetRole == Role.MODERATOR && newRole != Role.NONE);
        if (moderatorChange && !allows(Action.SET_MODERATOR, actorRole, actor, RoomConfig.defaults())) {
            return StanzaErrorCondition.FORBIDDEN;
        }
        return null;
    }

    /**
     * Whether {@code actor} may change a user's affiliation from {@code target} to {@code newAffiliation} (§9.1-9.5,
     * §10.3-10.7): null when allowed, otherwise the error condition. Admins act on members, outcasts and
     * unaffiliated users only; owners on everyone. Removing the last owner is checked by the room.
     */
    static StanzaErrorCondition affiliationChange(Affiliation actor, Affiliation target, Affiliation newAffiliation) {
        Action action = switch (newAffiliation) {
            case OWNER -> Action.EDIT_OWNERS;
            case ADMIN -> Action.EDIT_ADMINS;
            case MEMBER, NONE -> target == Affiliation.OWNER ? Action.EDIT_OWNERS
                    : target == Affiliation.ADMIN ? Action.EDIT_ADMINS : Action.EDIT_MEMBERS;
            case OUTCAST -> target == Affiliation.OWNER ? Action.EDIT_OWNERS
                    : target == Affiliation.ADMIN ? Action.EDIT_ADMINS : Action.EDIT_OUTCASTS;
        };
        if (allows(action, Role.NONE, actor, RoomConfig.defaults())) {
            return null;
        }
        // §9.2: an admin acting on an admin or owner is refused as not allowed; anything else lacks privileges.
        return actor == Affiliation.ADMIN && target.atLeast(Affiliation.ADMIN) ? StanzaErrorCondition.NOT_ALLOWED
                : StanzaErrorCondition.FORBIDDEN;
    }
}
