package dev.parley.extensions.muc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room's configuration: the {@code muc#roomconfig} form fields of XEP-0045 §15.5.3 as typed values. The room owner
 * edits it through {@link ConfigForm} (§10.2); stored as form values ({@link #toValues}) so that what is stored is
 * exactly what the owner sees. The owners and admins fields are not kept here: they are affiliations.
 */
record RoomConfig(String name, String description, String language, boolean logging, boolean occupantsChangeSubject,
                  boolean allowInvites, PrivateMessages privateMessages, int maxUsers, Set<Role> presenceBroadcast,
                  Set<Role> getMemberList, boolean publicRoom, boolean persistent, boolean moderated,
                  boolean membersOnly, boolean passwordProtected, String secret, boolean nonAnonymous,
                  int maxHistoryFetch, String pubsub) {
    /** The most occupants a room may have, and what {@code muc#roomconfig_maxusers = none} means. */
    static final int MAX_USERS_LIMIT = 1000;
    /** The most messages of history a room keeps and sends (§7.2.15). */
    static final int MAX_HISTORY_LIMIT = 100;

    /** Who may send private messages (§15.5.3 {@code muc#roomconfig_allowpm}). */
    enum PrivateMessages {
        ANYONE("anyone", Role.VISITOR), PARTICIPANTS("participants", Role.PARTICIPANT),
        MODERATORS("moderators", Role.MODERATOR), NONE("none", null);

        final String wireName;
        /** The lowest role allowed to send, or null when nobody is. */
        final Role minimumRole;

        PrivateMessages(String wireName, Role minimumRole) {
            this.wireName = wireName;
            this.minimumRole = minimumRole;
        }
    }

    RoomConfig {
        presenceBroadcast = Set.copyOf(presenceBroadcast);
        getMemberList = Set.copyOf(getMemberList);
    }

    /** The configuration of a new room (§10.1.2 "instant room": the service's defaults). */
    static RoomConfig defaults() {
        Set<Role> everyone = Set.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR);
        return new RoomConfig("", "", "", false, false, false, PrivateMessages.ANYONE, 200, everyone, everyone,
                true, false, false, false, false, "", false, 20, "");
    }

    /** Whether the room has no secret or {@code offered} is it. */
    boolean admits(String offered) {
        return !passwordProtected || secret.equals(offered);
    }

    /** The form values, keyed by field var; {@link ConfigForm#parse} reads them back. */
    Map<String, List<String>> toValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put(ConfigForm.NAME, List.of(name));
        values.put(ConfigForm.DESCRIPTION, List.of(description));
        values.put(ConfigForm.LANGUAGE, List.of(language));
        values.put(ConfigForm.LOGGING, bool(logging));
        values.put(ConfigForm.CHANGE_SUBJECT, bool(occupantsChangeSubject));
        values.put(ConfigForm.ALLOW_INVITES, bool(allowInvites));
        values.put(ConfigForm.ALLOW_PM, List.of(privateMessages.wireName));
        values.put(ConfigForm.MAX_USERS, List.of(Integer.toString(maxUsers)));
        values.put(ConfigForm.PRESENCE_BROADCAST, roles(presenceBroadcast));
        values.put(ConfigForm.GET_MEMBER_LIST, roles(getMemberList));
        values.put(ConfigForm.PUBLIC, bool(publicRoom));
        values.put(ConfigForm.PERSISTENT, bool(persistent));
        values.put(ConfigForm.MODERATED, bool(moderated));
        values.put(ConfigForm.MEMBERS_ONLY, bool(membersOnly));
        values.put(ConfigForm.PASSWORD_PROTECTED, bool(passwordProtected));
        values.put(ConfigForm.SECRET, List.of(secret));
        values.put(ConfigForm.WHOIS, List.of(nonAnonymous ? "anyone" : "moderators"));
        values.put(ConfigForm.MAX_HISTORY, List.of(Integer.toString(maxHistoryFetch)));
        values.put(ConfigForm.PUBSUB, List.of(pubsub));
        return values;
    }

    private static List<String> bool(boolean value) {
        return List.of(value ? "1" : "0");
    }

    private static List<String> roles(Set<Role> roles) {
        return java.util.stream.Stream.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR).filter(roles::contains)
                .map(Role::wireName).toList();
    }
}
