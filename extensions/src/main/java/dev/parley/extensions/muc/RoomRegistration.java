package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Optional;

/**
 * Registering with a room (XEP-0045 §7.10, over XEP-0077 {@code jabber:iq:register} with the {@code muc#register}
 * form) and discovering one's reserved nickname (§7.12, disco#info node {@code x-roomuser-item}).
 *
 * <p>Registration makes an unaffiliated user a member and reserves the nickname it asks for; a member registering
 * again changes its reserved nickname. Only the nickname is asked for: the other §15.5.2 fields are optional and
 * nothing here would use them. Outcasts, and in a members-only room anyone not yet a member, may not register
 * ({@code not-allowed}): admitting members there is the admins' call, and registration requests for their approval
 * (§9.9) are not offered. A nickname another user holds is a {@code conflict}; a nickname RFC 8266 refuses is
 * {@code not-acceptable}; a missing or foreign form is a {@code bad-request}. A refusal changes nothing.
 */
final class RoomRegistration {
    static final String ROOMNICK = "muc#register_roomnick";
    static final String RESERVED_NICK_NODE = "x-roomuser-item";

    private RoomRegistration() {
    }

    static void handle(Room room, Iq iq, Nicknames nicknames, Outbox out) {
        Jid user = iq.from().bare();
        Affiliation affiliation = room.affiliation(user);
        if (affiliation == Affiliation.OUTCAST
                || (room.config().membersOnly() && !affiliation.atLeast(Affiliation.MEMBER))) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.NOT_ALLOWED)));
        } else if (iq.type() == Iq.Type.GET) {
            out.add(iq.result(affiliation.atLeast(Affiliation.MEMBER) ? registered(room.reservedNick(user)) : form()));
        } else {
            register(room, iq, user, nicknames, out);
        }
    }

    /** §7.12: the reserved nickname as the name of a conference/text identity; an empty query when there is none. */
    static XmlElement reservedNickInfo(Room room, Jid user) {
        String nick = room.reservedNick(user);
        XmlElement.Builder query = XmlElement.builder("query", MucXml.DISCO_INFO)
                .attribute("node", RESERVED_NICK_NODE);
        if (nick != null) {
            query.child(XmlElement.builder("identity", MucXml.DISCO_INFO).attribute("category", "conference")
                    .attribute("type", "text").attribute("name", nick).build());
        }
        return query.build();
    }

    private static void register(Room room, Iq iq, Jid user, Nicknames nicknames, Outbox out) {
        Optional<String> requested = DataForm.findIn(iq.payload())
                .filter(form -> form.type() == DataForm.Type.SUBMIT)
                .filter(form -> form.field(FormField.FORM_TYPE).map(FormField::firstValue)
                        .filter(MucXml.REGISTER_FORM::equals).isPresent())
                .flatMap(form -> form.field(ROOMNICK)).map(FormField::firstValue).filter(nick -> !nick.isBlank());
        if (requested.isEmpty()) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST, "A muc#register form with "
                    + ROOMNICK + " is needed")));
            return;
        }
        Nicknames.Checked nick = nicknames.check(requested.get());
        StanzaErrorCondition refusal = nick.refused() ? StanzaErrorCondition.NOT_ACCEPTABLE
                : room.nickTakenByAnother(nick.nick(), user) ? StanzaErrorCondition.CONFLICT
                : !room.hasRoomForAffiliation(user) ? StanzaErrorCondition.POLICY_VIOLATION : null;
        if (refusal != null) {
            out.add(iq.errorReply(StanzaError.of(refusal)));
            return;
        }
        out.add(iq.result(null));
        if (room.affiliation(user) == Affiliation.NONE) {
            // §7.10: the user becomes a member; occupants see the new affiliation if it is in the room.
            RoleChanges.affiliation(room, user, Affiliation.MEMBER, null, null, out);
        }
        room.reserveNick(user, nick.nick());
        out.stateChanged();
    }

    private static XmlElement registered(String nick) {
        XmlElement.Builder query = XmlElement.builder("query", MucXml.REGISTER)
                .child(XmlElement.empty("registered", MucXml.REGISTER));
        if (nick != null) {
            query.textChild("username", nick);
        }
        return query.build();
    }

    private static XmlElement form() {
        XmlElement form = new DataForm(DataForm.Type.FORM, "Room registration",
                List.of("Choose the nickname to reserve in this room; you become a member."), List.of(
                FormField.hidden(FormField.FORM_TYPE, MucXml.REGISTER_FORM),
                FormField.of(ROOMNICK, "text-single", "Desired Nickname", true, List.of()))).toElement();
        return XmlElement.builder("query", MucXml.REGISTER)
                .textChild("instructions", "Choose the nickname to reserve in this room.").child(form).build();
    }
}
