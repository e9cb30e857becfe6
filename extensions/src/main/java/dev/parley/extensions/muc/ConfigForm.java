package dev.parley.extensions.muc;

import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The room configuration form of XEP-0045 §10.1.3/§10.2 with every {@code muc#roomconfig} field registered in §15.5.3:
 * building it for the owner and reading a submission strictly. A submission names only fields of this form and gives
 * each a value its type allows; anything else is refused as a whole ({@link Invalid}, answered with
 * {@code bad-request}), so a bad form never changes the room half-way.
 */
final class ConfigForm {
    static final String FORM_TYPE = "http://jabber.org/protocol/muc#roomconfig";
    static final String NAME = "muc#roomconfig_roomname";
    static final String DESCRIPTION = "muc#roomconfig_roomdesc";
    static final String LANGUAGE = "muc#roomconfig_lang";
    static final String LOGGING = "muc#roomconfig_enablelogging";
    static final String CHANGE_SUBJECT = "muc#roomconfig_changesubject";
    static final String ALLOW_INVITES = "muc#roomconfig_allowinvites";
    static final String ALLOW_PM = "muc#roomconfig_allowpm";
    static final String MAX_USERS = "muc#roomconfig_maxusers";
    static final String PRESENCE_BROADCAST = "muc#roomconfig_presencebroadcast";
    static final String GET_MEMBER_LIST = "muc#roomconfig_getmemberlist";
    static final String PUBLIC = "muc#roomconfig_publicroom";
    static final String PERSISTENT = "muc#roomconfig_persistentroom";
    static final String MODERATED = "muc#roomconfig_moderatedroom";
    static final String MEMBERS_ONLY = "muc#roomconfig_membersonly";
    static final String PASSWORD_PROTECTED = "muc#roomconfig_passwordprotectedroom";
    static final String SECRET = "muc#roomconfig_roomsecret";
    static final String WHOIS = "muc#roomconfig_whois";
    static final String MAX_HISTORY = "muc#maxhistoryfetch";
    static final String PUBSUB = "muc#roomconfig_pubsub";
    static final String ADMINS = "muc#roomconfig_roomadmins";
    static final String OWNERS = "muc#roomconfig_roomowners";

    /** A submission that cannot be applied; {@code reason} says which field and why. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What a submission asks for; {@code owners} and {@code admins} are null when the form left them out. */
    record Submission(RoomConfig config, List<Jid> owners, List<Jid> admins) {
    }

    private ConfigForm() {
    }

    /** The form an owner gets (§10.1.3 example 164), filled with the current values. */
    static XmlElement form(RoomConfig config, List<Jid> owners, List<Jid> admins) {
        Map<String, List<String>> values = config.toValues();
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.hidden(FormField.FORM_TYPE, FORM_TYPE));
        fields.add(field(NAME, "text-single", "Public room name", values));
        fields.add(field(DESCRIPTION, "text-single", "Short description of the room", values));
        fields.add(field(LANGUAGE, "text-single", "Natural language of the discussions", values));
        fields.add(field(LOGGING, "boolean", "Enable public logging", values));
        fields.add(field(CHANGE_SUBJECT, "boolean", "Allow occupants to change the subject", values));
        fields.add(field(ALLOW_INVITES, "boolean", "Allow occupants to invite others", values));
        fields.add(list(ALLOW_PM, "list-single", "Who may send private messages", values,
                "anyone", "participants", "moderators", "none"));
        fields.add(list(MAX_USERS, "list-single", "Maximum number of occupants", values,
                "10", "20", "30", "50", "100", "200", "500", "1000", "none"));
        fields.add(list(PRESENCE_BROADCAST, "list-multi", "Roles whose presence is broadcast", values,
                "moderator", "participant", "visitor"));
        fields.add(list(GET_MEMBER_LIST, "list-multi", "Roles that may retrieve the member list", values,
                "moderator", "participant", "visitor"));
        fields.add(field(PUBLIC, "boolean", "Make the room publicly searchable", values));
        fields.add(field(PERSISTENT, "boolean", "Make the room persistent", values));
        fields.add(field(MODERATED, "boolean", "Make the room moderated", values));
        fields.add(field(MEMBERS_ONLY, "boolean", "Make the room members-only", values));
        fields.add(field(PASSWORD_PROTECTED, "boolean", "Password required to enter", values));
        fields.add(field(SECRET, "text-private", "Password", values));
        fields.add(list(WHOIS, "list-single", "Who may discover real JIDs", values, "moderators", "anyone"));
        fields.add(field(MAX_HISTORY, "text-single", "Maximum messages of history sent on entry", values));
        fields.add(field(PUBSUB, "text-single", "XEP-0060 node associated with the room", values));
        fields.add(FormField.of(ADMINS, "jid-multi", "Room admins", false, admins.stream().map(Jid::toString).toList()));
        fields.add(FormField.of(OWNERS, "jid-multi", "Room owners", false, owners.stream().map(Jid::toString).toList()));
        return new DataForm(DataForm.Type.FORM, "Configuration of the room", List.of(), fields).toElement();
    }

    private static FormField field(String var, String type, String label, Map<String, List<String>> values) {
        return FormField.of(var, type, label, false, values.get(var));
    }

    private static FormField list(String var, String type, String label, Map<String, List<String>> values,
                                  String... options) {
        return new FormField(var, type, label, false, values.get(var),
                java.util.Arrays.stream(options).map(o -> new FormField.Option(null, o)).toList());
    }

    /** Reads submitted (or stored) values over {@code base}: fields left out keep their value. */
    static Submission parse(Map<String, List<String>> submitted, RoomConfig base) throws Invalid {
        Map<String, List<String>> values = new HashMap<>(base.toValues());
        List<Jid> owners = null;
        List<Jid> admins = null;
        for (Map.Entry<String, List<String>> entry : submitted.entrySet()) {
            String var = entry.getKey();
            if (var.equals(FormField.FORM_TYPE)) {
                if (!entry.getValue().equals(List.of(FORM_TYPE))) {
                    throw new Invalid("FORM_TYPE is not " + FORM_TYPE);
                }
            } else if (var.equals(OWNERS)) {
                owners = jids(var, entry.getValue());
            } else if (var.equals(ADMINS)) {
                admins = jids(var, entry.getValue());
            } else if (values.containsKey(var)) {
                values.put(var, entry.getValue());
            } else {
                throw new Invalid("unknown field " + var);
            }
        }
        boolean passwordProtected = bool(values, PASSWORD_PROTECTED);
        String secret = single(values, SECRET);
        if (passwordProtected && secret.isEmpty()) {
            throw new Invalid("a password-protected room needs a secret");
        }
        RoomConfig config = new RoomConfig(single(values, NAME), single(values, DESCRIPTION), single(values, LANGUAGE),
                bool(values, LOGGING), bool(values, CHANGE_SUBJECT), bool(values, ALLOW_INVITES), allowPm(values),
                maxUsers(values), roles(values, PRESENCE_BROADCAST), roles(values, GET_MEMBER_LIST),
                bool(values, PUBLIC), bool(values, PERSISTENT), bool(values, MODERATED), bool(values, MEMBERS_ONLY),
                passwordProtected, passwordProtected ? secret : "", whois(values),
                integer(values, MAX_HISTORY, 0, RoomConfig.MAX_HISTORY_LIMIT), single(values, PUBSUB));
        return new Submission(config, owners, admins);
    }

    private static String single(Map<String, List<String>> values, String var) throws Invalid {
        List<String> given = values.get(var);
        if (given.size() > 1) {
            throw new Invalid(var + " takes one value");
        }
        return given.isEmpty() ? "" : given.getFirst();
    }

    /** XEP-0004 §3.3 boolean: 0, 1, false, true. */
    private static boolean bool(Map<String, List<String>> values, String var) throws Invalid {
        return switch (single(values, var)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new Invalid(var + " is a boolean");
        };
    }

    private static int integer(Map<String, List<String>> values, String var, int min, int max) throws Invalid {
        try {
            int value = Integer.parseInt(single(values, var));
            if (value < min || value > max) {
                throw new Invalid(var + " must lie in " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Invalid(var + " is a number");
        }
    }

    private static int maxUsers(Map<String, List<String>> values) throws Invalid {
        return single(values, MAX_USERS).equals("none") ? RoomConfig.MAX_USERS_LIMIT
                : integer(values, MAX_USERS, 1, RoomConfig.MAX_USERS_LIMIT);
    }

    private static RoomConfig.PrivateMessages allowPm(Map<String, List<String>> values) throws Invalid {
        String given = single(values, ALLOW_PM);
        for (RoomConfig.PrivateMessages choice : RoomConfig.PrivateMessages.values()) {
            if (choice.wireName.equals(given)) {
                return choice;
            }
        }
        throw new Invalid(ALLOW_PM + " is one of anyone, participants, moderators, none");
    }

    private static boolean whois(Map<String, List<String>> values) throws Invalid {
        return switch (single(values, WHOIS)) {
            case "anyone" -> true;
            case "moderators" -> false;
            default -> throw new Invalid(WHOIS + " is moderators or anyone");
        };
    }

    private static Set<Role> roles(Map<String, List<String>> values, String var) throws Invalid {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String given : values.get(var)) {
            Role role = Role.fromWire(given);
            if (role == null || role == Role.NONE) {
                throw new Invalid(var + " lists moderator, participant and visitor only");
            }
            roles.add(role);
        }
        return roles;
    }

    private static List<Jid> jids(String var, List<String> given) throws Invalid {
        List<Jid> jids = new ArrayList<>();
        for (String text : given) {
            Jid jid = Jid.tryParse(text).orElseThrow(() -> new Invalid(var + ": not a JID: " + text));
            jids.add(jid.bare());
        }
        return jids;
    }
}
