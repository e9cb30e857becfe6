package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaErrorCondition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XEP-0045 privilege tables (§5.1.3 roles, §5.2.1 affiliations) and the §§8-10 change rules as tables: each row
 * is one cell of the XEP's table. "open" is a room whose starred privileges are granted (occupants change the subject,
 * invite, and visitors send private messages); "strict" has them withheld.
 */
class PermissionsTest {
    private static final RoomConfig STRICT = new RoomConfig("", "", "", false, false, false,
            RoomConfig.PrivateMessages.MODERATORS, 10, java.util.Set.of(Role.MODERATOR), java.util.Set.of(), true,
            false, true, false, false, "", false, 20, "");
    private static final RoomConfig OPEN = new RoomConfig("", "", "", false, true, true,
            RoomConfig.PrivateMessages.ANYONE, 10, java.util.Set.of(Role.MODERATOR), java.util.Set.of(Role.PARTICIPANT),
            true, false, true, false, false, "", false, 20, "");

    @ParameterizedTest(name = "{0} by {1}/{2} in a {3} room: {4}")
    @CsvSource({
            // §5.1.3: send messages to all occupants — participants and moderators only
            "SEND_GROUPCHAT, VISITOR, NONE, open, false",
            "SEND_GROUPCHAT, PARTICIPANT, NONE, strict, true",
            "SEND_GROUPCHAT, MODERATOR, NONE, strict, true",
            "SEND_GROUPCHAT, NONE, OWNER, open, false",
            // modify subject: moderators; participants when configured
            "CHANGE_SUBJECT, VISITOR, NONE, open, false",
            "CHANGE_SUBJECT, PARTICIPANT, NONE, strict, false",
            "CHANGE_SUBJECT, PARTICIPANT, NONE, open, true",
            "CHANGE_SUBJECT, MODERATOR, NONE, strict, true",
            // send private messages: by configuration
            "SEND_PRIVATE_MESSAGE, VISITOR, NONE, open, true",
            "SEND_PRIVATE_MESSAGE, PARTICIPANT, MEMBER, strict, false",
            "SEND_PRIVATE_MESSAGE, MODERATOR, NONE, strict, true",
            // invite: occupants when configured, admins and owners always
            "INVITE, PARTICIPANT, MEMBER, strict, false",
            "INVITE, VISITOR, NONE, open, true",
            "INVITE, MODERATOR, ADMIN, strict, true",
            "INVITE, NONE, OWNER, open, false",
            // change nickname, request voice
            "CHANGE_NICK, VISITOR, NONE, strict, true",
            "CHANGE_NICK, NONE, NONE, open, false",
            "REQUEST_VOICE, VISITOR, NONE, strict, true",
            "REQUEST_VOICE, PARTICIPANT, NONE, strict, false",
            // kick and voice: moderators
            "KICK, PARTICIPANT, MEMBER, open, false",
            "KICK, MODERATOR, NONE, strict, true",
            "SET_VOICE, PARTICIPANT, MEMBER, open, false",
            "SET_VOICE, MODERATOR, NONE, strict, true",
            // §5.2.1: moderator status, members, bans — admins and owners
            "SET_MODERATOR, MODERATOR, NONE, open, false",
            "SET_MODERATOR, MODERATOR, ADMIN, strict, true",
            "EDIT_MEMBERS, MODERATOR, MEMBER, open, false",
            "EDIT_MEMBERS, MODERATOR, ADMIN, strict, true",
            "EDIT_OUTCASTS, MODERATOR, NONE, open, false",
            "EDIT_OUTCASTS, NONE, OWNER, strict, true",
            // admins, owners, configuration and destruction — owners only
            "EDIT_ADMINS, MODERATOR, ADMIN, open, false",
            "EDIT_ADMINS, NONE, OWNER, strict, true",
            "EDIT_OWNERS, MODERATOR, ADMIN, open, false",
            "EDIT_OWNERS, MODERATOR, OWNER, strict, true",
            "CONFIGURE, MODERATOR, ADMIN, open, false",
            "CONFIGURE, NONE, OWNER, strict, true",
            "DESTROY, MODERATOR, ADMIN, open, false",
            "DESTROY, NONE, OWNER, strict, true",
            // member list: configured roles, plus admins and owners
            "GET_MEMBER_LIST, PARTICIPANT, MEMBER, strict, false",
            "GET_MEMBER_LIST, PARTICIPANT, MEMBER, open, true",
            "GET_MEMBER_LIST, NONE, ADMIN, strict, true",
            // XEP-0425: moderated message retraction — moderators only, an absent owner included
            "MODERATE_MESSAGE, VISITOR, NONE, open, false",
            "MODERATE_MESSAGE, PARTICIPANT, ADMIN, open, false",
            "MODERATE_MESSAGE, NONE, OWNER, open, false",
            "MODERATE_MESSAGE, MODERATOR, NONE, strict, true",
    })
    void privileges(Permissions.Action action, Role role, Affiliation affiliation, String room, boolean allowed) {
        RoomConfig config = room.equals("open") ? OPEN : STRICT;
        assertThat(Permissions.allows(action, role, affiliation, config)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}/{1} sets {2}/{3} to {4}: {5}")
    @CsvSource({
            // §8.2 kick, §8.4 revoke voice: moderators, never against admins or owners (not-allowed)
            "MODERATOR, NONE, PARTICIPANT, NONE, NONE, ok",
            "MODERATOR, NONE, PARTICIPANT, NONE, VISITOR, ok",
            "PARTICIPANT, MEMBER, PARTICIPANT, NONE, NONE, forbidden",
            "MODERATOR, NONE, MODERATOR, OWNER, VISITOR, not-allowed",
            "MODERATOR, ADMIN, MODERATOR, ADMIN, NONE, not-allowed",
            "MODERATOR, OWNER, MODERATOR, ADMIN, NONE, ok",
            // §8.3 grant voice
            "MODERATOR, NONE, VISITOR, NONE, PARTICIPANT, ok",
            "VISITOR, NONE, VISITOR, NONE, PARTICIPANT, forbidden",
            // §9.6 grant and §9.7 revoke moderator: admins and owners; admins and owners keep theirs
            "MODERATOR, NONE, PARTICIPANT, NONE, MODERATOR, forbidden",
            "MODERATOR, ADMIN, PARTICIPANT, MEMBER, MODERATOR, ok",
            "MODERATOR, ADMIN, MODERATOR, NONE, PARTICIPANT, ok",
            "MODERATOR, NONE, MODERATOR, NONE, PARTICIPANT, forbidden",
            "MODERATOR, ADMIN, MODERATOR, OWNER, PARTICIPANT, not-allowed",
            "MODERATOR, NONE, MODERATOR, ADMIN, PARTICIPANT, not-allowed",
    })
    void roleChanges(Role actorRole, Affiliation actor, Role targetRole, Affiliation target, Role newRole,
                     String expected) {
        StanzaErrorCondition refusal = Permissions.roleChange(actorRole, actor, targetRole, target, newRole);
        assertThat(refusal == null ? "ok" : refusal.elementName()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} sets {1} to {2}: {3}")
    @CsvSource({
            // §9.1 ban, §9.3-9.4 membership: admins and owners, on users below admin
            "ADMIN, NONE, OUTCAST, ok",
            "ADMIN, MEMBER, NONE, ok",
            "ADMIN, NONE, MEMBER, ok",
            "MEMBER, NONE, MEMBER, forbidden",
            "NONE, NONE, OUTCAST, forbidden",
            "ADMIN, ADMIN, OUTCAST, not-allowed",
            "ADMIN, OWNER, NONE, not-allowed",
            // §10.3-10.7 owners and admins: owners only
            "ADMIN, MEMBER, ADMIN, forbidden",
            "ADMIN, NONE, OWNER, forbidden",
            "OWNER, MEMBER, ADMIN, ok",
            "OWNER, ADMIN, NONE, ok",
            "OWNER, OWNER, ADMIN, ok",
            "OWNER, NONE, OWNER, ok",
    })
    void affiliationChanges(Affiliation actor, Affiliation target, Affiliation newAffiliation, String expected) {
        StanzaErrorCondition refusal = Permissions.affiliationChange(actor, target, newAffiliation);
        assertThat(refusal == null ? "ok" : refusal.elementName()).isEqualTo(expected);
    }
}
