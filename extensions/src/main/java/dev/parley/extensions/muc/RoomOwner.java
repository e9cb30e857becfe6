package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code muc#owner} protocol (XEP-0045 §10): the configuration form (§10.1.3 creation, §10.2 changes; an empty
 * submission makes an instant room, §10.1.2; a cancel during creation destroys the room) and destruction (§10.9).
 * Changes tell the occupants with status codes (§10.2.1: 104, and 170-173 for privacy-related ones).
 */
final class RoomOwner {
    private RoomOwner() {
    }

    static void handle(Room room, Iq iq, Outbox out) {
        if (!Permissions.allows(Permissions.Action.CONFIGURE, Role.NONE, room.affiliation(iq.from()), room.config())) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.FORBIDDEN)));
            return;
        }
        Optional<XmlElement> destroy = iq.payload().child("destroy", MucXml.OWNER);
        if (iq.type() == Iq.Type.GET) {
            out.add(iq.result(XmlElement.builder("query", MucXml.OWNER).child(ConfigForm.form(room.config(),
                    room.withAffiliation(Affiliation.OWNER), room.withAffiliation(Affiliation.ADMIN))).build()));
        } else if (destroy.isPresent()) {
            RoleChanges.destroy(room, destroy.get(), out);
            out.add(iq.result(null));
        } else {
            configure(room, iq, out);
        }
    }

    private static void configure(Room room, Iq iq, Outbox out) {
        Optional<DataForm> form = DataForm.findIn(iq.payload());
        if (form.isEmpty()) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
            return;
        }
        if (form.get().type() == DataForm.Type.CANCEL) {
            if (room.locked()) {
                RoleChanges.destroy(room, XmlElement.empty("destroy", MucXml.OWNER), out);
            }
            out.add(iq.result(null));
            return;
        }
        if (form.get().type() != DataForm.Type.SUBMIT) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
            return;
        }
        ConfigForm.Submission submission;
        try {
            submission = ConfigForm.parse(form.get().values(), room.config());
        } catch (ConfigForm.Invalid e) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST, e.getMessage())));
            return;
        }
        int listed = (submission.owners() == null ? 0 : submission.owners().size())
                + (submission.admins() == null ? 0 : submission.admins().size());
        if (listed > Room.MAX_AFFILIATIONS) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.POLICY_VIOLATION)));
            return;
        }
        if (submission.owners() != null && submission.owners().isEmpty()) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.CONFLICT, "a room keeps at least one owner")));
            return;
        }
        RoomConfig before = room.config();
        RoomConfig after = submission.config();
        room.config(after);
        boolean wasLocked = room.locked();
        room.unlock();
        out.stateChanged();
        String actor = Optional.ofNullable(room.occupantBySession(iq.from())).map(Occupant::nick).orElse(null);
        replaceAffiliation(room, Affiliation.OWNER, submission.owners(), actor, out);
        replaceAffiliation(room, Affiliation.ADMIN, submission.admins(), actor, out);
        if (after.membersOnly() && !before.membersOnly()) {
            for (Occupant occupant : room.occupants()) {
                if (!room.affiliation(occupant.user()).atLeast(Affiliation.MEMBER)) {
                    RoleChanges.remove(room, occupant, 322, null, null, out); // §10.2: now members-only
                }
            }
        }
        out.add(iq.result(null));
        if (!wasLocked) {
            notifyChange(room, before, after, out);
        }
    }

    private static void replaceAffiliation(Room room, Affiliation affiliation, List<Jid> wanted, String actor,
                                           Outbox out) {
        if (wanted == null) {
            return;
        }
        for (Jid user : room.withAffiliation(affiliation)) {
            if (!wanted.contains(user)) {
                RoleChanges.affiliation(room, user, Affiliation.NONE, actor, null, out);
            }
        }
        for (Jid user : wanted) {
            if (room.affiliation(user) != affiliation) {
                RoleChanges.affiliation(room, user, affiliation, actor, null, out);
            }
        }
    }

    /** §10.2.1: a message from the room with the status codes of what changed. */
    private static void notifyChange(Room room, RoomConfig before, RoomConfig after, Outbox out) {
        List<Integer> codes = new ArrayList<>();
        codes.add(104);
        if (before.logging() != after.logging()) {
            codes.add(after.logging() ? 170 : 171);
        }
        if (before.nonAnonymous() != after.nonAnonymous()) {
            codes.add(after.nonAnonymous() ? 172 : 173);
        }
        XmlElement.Builder x = XmlElement.builder("x", MucXml.USER);
        codes.forEach(code -> x.child(MucXml.status(code)));
        XmlElement notice = x.build();
        for (Occupant occupant : room.occupants()) {
            for (Jid session : occupant.sessions()) {
                out.add(RoomMessages.fromRoom(room, session, notice, null)
                        .withAttribute("type", "groupchat"));
            }
        }
    }
}
