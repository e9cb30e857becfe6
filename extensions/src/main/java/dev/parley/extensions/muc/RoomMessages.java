package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Messages to a room and its occupants: groupchat messages reflected to everyone in the room's order with a XEP-0359
 * stanza id that is the message's id in the room's archive ({@link RoomArchive}) and a XEP-0421 occupant id (XEP-0045
 * §7.4), retractions by their authors (XEP-0424, {@link AuthorRetraction}), subject changes (§8.1), private messages
 * (§7.5), mediated invitations and declines (§7.8.2), and voice requests with their approval (§7.13, §8.6).
 */
final class RoomMessages {
    private RoomMessages() {
    }

    /** A message to the room's bare JID. */
    static void toRoom(Room room, Message message, Outbox out, RoomArchive archive, ServicePolicy policy) {
        Occupant sender = room.occupantBySession(message.from());
        if (message.type() == Message.Type.GROUPCHAT) {
            groupchat(room, sender, message, out, archive);
            return;
        }
        Optional<XmlElement> user = message.element().child("x", MucXml.USER);
        Optional<DataForm> form = DataForm.findIn(message.element());
        if (user.isPresent() && user.get().child("invite", MucXml.USER).isPresent()) {
            RoomInvitations.invite(room, sender, message, user.get(), out);
        } else if (user.isPresent() && user.get().child("decline", MucXml.USER).isPresent()) {
            RoomInvitations.decline(room, message, user.get(), out);
        } else if (form.isPresent() && form.get().field(FormField.FORM_TYPE).map(FormField::firstValue)
                .filter(MucXml.REQUEST::equals).isPresent()) {
            RoomInvitations.voiceRequest(room, sender, message, form.get(), policy.voiceRequestInterval(), out);
        } else {
            refuse(message, sender == null ? StanzaErrorCondition.NOT_ACCEPTABLE : StanzaErrorCondition.BAD_REQUEST, out);
        }
    }

    private static void groupchat(Room room, Occupant sender, Message message, Outbox out,
                                  RoomArchive archive) {
        if (sender == null) {
            refuse(message, StanzaErrorCondition.NOT_ACCEPTABLE, out); // §7.4: only occupants speak
            return;
        }
        Affiliation affiliation = room.affiliation(sender.user());
        boolean subjectChange = message.subject() != null && message.body() == null;
        Permissions.Action action = subjectChange ? Permissions.Action.CHANGE_SUBJECT
                : Permissions.Action.SEND_GROUPCHAT;
        if (!Permissions.allows(action, sender.role(), affiliation, room.config())) {
            refuse(message, StanzaErrorCondition.FORBIDDEN, out); // §7.4 no voice, §8.1 subject not theirs to set
            return;
        }
        List<XmlElement> children = message.element().elements().filter(c -> !MucXml.serviceOwned(c)).toList();
        Jid publisher = room.occupantJid(sender.nick());
        XmlElement reflected = XmlElement.builder("message", MucXml.CLIENT)
                .attribute("from", publisher.toString()).attribute("type", "groupchat")
                .attribute("id", message.id()).children(children)
                .child(MucXml.occupantId(sender.occupantId())).build();
        if (!subjectChange && message.element().child("retract", MucXml.RETRACT).isPresent()) {
            AuthorRetraction.handle(room, sender, message, reflected, out, archive);
            return;
        }
        if (subjectChange) {
            room.subject(message.subject(), sender.nick());
            out.stateChanged();
        }
        if (!subjectChange && message.body() == null) {
            // Chat states and the like: shared, not archived (XEP-0313 §6.1.2 keeps bodies and subjects).
            for (Occupant recipient : room.occupants()) {
                OccupantPresence.sendToSessions(out, reflected, recipient.sessions());
            }
            return;
        }
        // Durable before anyone sees it (XEP-0313 §6.1.2); appended under the room's monitor, so ids follow the
        // room's order. Its place in every outbox is kept while the id is pending.
        CompletionStage<XmlElement> archived = archive.append(room.jid(), publisher, reflected)
                .thenApply(id -> reflected.withChild(MucXml.stanzaId(id, room.jid())));
        for (Occupant recipient : room.occupants()) {
            for (Jid session : recipient.sessions()) {
                out.addLater(archived, session);
            }
        }
        out.addLater(archived.handle((m, failure) -> failure == null ? null
                : message.errorReply(RoomArchive.appendFailure(failure))));
    }

    /** A message to {@code room@service/nick} (§7.5). */
    static void toOccupant(Room room, Message message, Outbox out) {
        Occupant sender = room.occupantBySession(message.from());
        if (message.isError()) {
            return; // a bounce from an occupant's client: nothing to answer
        }
        if (message.type() == Message.Type.GROUPCHAT) {
            refuse(message, StanzaErrorCondition.BAD_REQUEST, out);
            return;
        }
        if (sender == null) {
            refuse(message, StanzaErrorCondition.NOT_ACCEPTABLE, out);
            return;
        }
        Occupant recipient = room.occupant(message.to().resource());
        if (recipient == null) {
            refuse(message, StanzaErrorCondition.ITEM_NOT_FOUND, out);
            return;
        }
        if (!Permissions.allows(Permissions.Action.SEND_PRIVATE_MESSAGE, sender.role(),
                room.affiliation(sender.user()), room.config())) {
            refuse(message, StanzaErrorCondition.FORBIDDEN, out);
            return;
        }
        XmlElement forwarded = message.element()
                .withoutChildren(child -> child instanceof XmlElement e && MucXml.serviceOwned(e))
                .withChild(XmlElement.empty("x", MucXml.USER)).withChild(MucXml.occupantId(sender.occupantId()))
                .withAttribute("from", room.occupantJid(sender.nick()).toString());
        OccupantPresence.sendToSessions(out, forwarded, recipient.sessions());
    }

    static void refuse(Message message, StanzaErrorCondition condition, Outbox out) {
        if (!message.isError()) {
            out.add(message.errorReply(StanzaError.of(condition)));
        }
    }

    /** A message from the room itself to one JID, carrying a muc#user element. */
    static XmlElement fromRoom(Room room, Jid to, XmlElement x, String body) {
        XmlElement.Builder message = XmlElement.builder("message", MucXml.CLIENT)
                .attribute("from", room.jid().toString()).attribute("to", to.toString());
        if (body != null) {
            message.textChild("body", body);
        }
        return message.child(x).build();
    }
}
