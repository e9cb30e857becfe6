package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mediated invitations and declines (XEP-0045 §7.8.2) and voice requests (§7.13) with their approval by a moderator
 * (§8.6). Direct invitations (XEP-0249) go from user to user and never reach the room. An invitation naming no JID or
 * a malformed one is refused as a whole with {@code jid-malformed} before anything is sent or changed; so is a decline.
 */
final class RoomInvitations {
    private RoomInvitations() {
    }

    static void invite(Room room, Occupant sender, Message message, XmlElement x, Outbox out) {
        if (sender == null) {
            RoomMessages.refuse(message, StanzaErrorCondition.NOT_ACCEPTABLE, out);
            return;
        }
        Affiliation affiliation = room.affiliation(sender.user());
        if (!Permissions.allows(Permissions.Action.INVITE, sender.role(), affiliation, room.config())) {
            RoomMessages.refuse(message, StanzaErrorCondition.FORBIDDEN, out);
            return;
        }
        List<XmlElement> invites = x.elements("invite", MucXml.USER).toList();
        for (XmlElement invite : invites) {
            if (Jid.tryParse(invite.attribute("to")).isEmpty()) {
                RoomMessages.refuse(message, StanzaErrorCondition.JID_MALFORMED, out);
                return;
            }
        }
        for (XmlElement invite : invites) {
            Jid invitee = Jid.parse(invite.attribute("to"));
            if (room.config().membersOnly() && room.affiliation(invitee) == Affiliation.NONE
                    && room.hasRoomForAffiliation(invitee)) {
                // §7.8.2: inviting to a members-only room makes the invitee a member.
                room.affiliation(invitee, Affiliation.MEMBER);
                out.stateChanged();
            }
            XmlElement.Builder forwarded = XmlElement.builder("x", MucXml.USER).child(XmlElement
                    .builder("invite", MucXml.USER).attribute("from", message.from().toString())
                    .children(invite.elements("reason", MucXml.USER).toList()).build());
            if (room.config().passwordProtected()) {
                forwarded.textChild("password", room.config().secret());
            }
            out.add(RoomMessages.fromRoom(room, invitee, forwarded.build(), message.from().bare()
                    + " invites you to the room " + room.jid()));
        }
    }

    static void decline(Room room, Message message, XmlElement x, Outbox out) {
        XmlElement decline = x.child("decline", MucXml.USER).orElseThrow();
        Optional<Jid> inviter = Jid.tryParse(decline.attribute("to"));
        if (inviter.isEmpty()) {
            RoomMessages.refuse(message, StanzaErrorCondition.JID_MALFORMED, out);
            return;
        }
        XmlElement forwarded = XmlElement.builder("x", MucXml.USER).child(XmlElement.builder("decline", MucXml.USER)
                .attribute("from", message.from().bare().toString())
                .children(decline.elements("reason", MucXml.USER).toList()).build()).build();
        out.add(RoomMessages.fromRoom(room, inviter.get(), forwarded, null));
    }

    /**
     * §7.13 a visitor asks for voice; §8.6 a moderator answers the same form with muc#request_allow. Each request puts
     * a form in front of every moderator and XEP-0045 sets no pace, so a visitor could flood them: a request less
     * than {@code interval} ({@code muc.voice-request-interval}) after the occupant's last one is refused with
     * {@code policy-violation} and reaches nobody.
     */
    static void voiceRequest(Room room, Occupant sender, Message message, DataForm form, Duration interval,
                             Outbox out) {
        if (sender == null) {
            RoomMessages.refuse(message, StanzaErrorCondition.NOT_ACCEPTABLE, out);
            return;
        }
        Optional<String> allow = form.field("muc#request_allow").map(FormField::firstValue);
        if (allow.isPresent()) {
            approve(room, sender, message, form, allow.get(), out);
            return;
        }
        if (!Permissions.allows(Permissions.Action.REQUEST_VOICE, sender.role(), room.affiliation(sender.user()),
                room.config())) {
            RoomMessages.refuse(message, StanzaErrorCondition.NOT_ALLOWED, out);
            return;
        }
        if (!sender.mayRequestVoice(Instant.now(), interval)) {
            RoomMessages.refuse(message, StanzaErrorCondition.POLICY_VIOLATION, out);
            return;
        }
        XmlElement approval = new DataForm(DataForm.Type.FORM, "Voice request", List.of(
                "To approve this request for voice, select the \"Grant voice\" box and submit the form."), List.of(
                FormField.hidden(FormField.FORM_TYPE, MucXml.REQUEST),
                FormField.of("muc#role", "list-single", "Requested role", false, List.of("participant")),
                FormField.of("muc#jid", "jid-single", "User ID", false, List.of(sender.user().toString())),
                FormField.of("muc#roomnick", "text-single", "Room Nickname", false, List.of(sender.nick())),
                FormField.of("muc#request_allow", "boolean", "Grant voice to this person?", false, List.of("false"))))
                .toElement();
        for (Occupant moderator : room.moderators()) {
            for (Jid session : moderator.sessions()) {
                out.add(XmlElement.builder("message", MucXml.CLIENT).attribute("from", room.jid().toString())
                        .attribute("to", session.toString()).child(approval).build());
            }
        }
    }

    private static void approve(Room room, Occupant moderator, Message message, DataForm form, String allow,
                                Outbox out) {
        if (!allow.equals("true") && !allow.equals("1")) {
            return;
        }
        Occupant target = form.field("muc#roomnick").map(FormField::firstValue).map(room::occupant).orElse(null);
        if (target == null) {
            RoomMessages.refuse(message, StanzaErrorCondition.ITEM_NOT_FOUND, out);
            return;
        }
        StanzaErrorCondition refusal = Permissions.roleChange(moderator.role(), room.affiliation(moderator.user()),
                target.role(), room.affiliation(target.user()), Role.PARTICIPANT);
        if (refusal != null) {
            RoomMessages.refuse(message, refusal, out);
            return;
        }
        RoleChanges.apply(room, target, Role.PARTICIPANT, moderator.nick(), null, out);
    }
}
