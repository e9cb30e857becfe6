package dev.parley.extensions.muc;

import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/**
 * Service discovery of a room (XEP-0045 §6.4 info with the §15.6 features, XEP-0313's urn:xmpp:mam:2 and #extended,
 * XEP-0425's urn:xmpp:message-moderate:1, XEP-0424's urn:xmpp:message-retract:1 and its #tombstone (retractions are
 * archived and the retracted message becomes a tombstone), and the XEP-0128 {@code muc#roominfo} form, §6.5 items)
 * and of the service (§6.1, §6.3 public rooms).
 */
final class RoomDisco {
    private RoomDisco() {
    }

    static XmlElement serviceInfo() {
        return XmlElement.builder("query", MucXml.DISCO_INFO)
                .child(identity("Chatrooms"))
                .child(feature(MucXml.MUC)).child(feature(MucXml.DISCO_INFO)).child(feature(MucXml.DISCO_ITEMS))
                .child(feature(MucXml.OCCUPANT_ID)).child(feature(MucXml.STANZA_ID)).build();
    }

    /** §6.3: the public rooms (not hidden, not still locked). */
    static XmlElement serviceItems(List<Room> rooms) {
        XmlElement.Builder query = XmlElement.builder("query", MucXml.DISCO_ITEMS);
        for (Room room : rooms) {
            query.child(XmlElement.builder("item", MucXml.DISCO_ITEMS).attribute("jid", room.jid().toString())
                    .attribute("name", displayName(room)).build());
        }
        return query.build();
    }

    static XmlElement roomInfo(Room room) {
        RoomConfig config = room.config();
        List<XmlElement> children = new ArrayList<>();
        children.add(identity(displayName(room)));
        for (String feature : List.of(MucXml.MUC, MucXml.DISCO_INFO, MucXml.DISCO_ITEMS, MucXml.OCCUPANT_ID,
                MucXml.STANZA_ID, MucXml.MAM, MucXml.MAM + "#extended", MucXml.MODERATE, MucXml.RETRACT, MucXml.RETRACT + "#tombstone",
                MucXml.MUC + "#stable_id",
                MucXml.REGISTER,
                MucXml.MUC + "#self-ping-optimization",
                config.publicRoom() ? "muc_public" : "muc_hidden",
                config.persistent() ? "muc_persistent" : "muc_temporary",
                config.membersOnly() ? "muc_membersonly" : "muc_open",
                config.moderated() ? "muc_moderated" : "muc_unmoderated",
                config.nonAnonymous() ? "muc_nonanonymous" : "muc_semianonymous",
                config.passwordProtected() ? "muc_passwordprotected" : "muc_unsecured")) {
            children.add(feature(feature));
        }
        children.add(new DataForm(DataForm.Type.RESULT, null, List.of(), List.of(
                FormField.hidden(FormField.FORM_TYPE, "http://jabber.org/protocol/muc#roominfo"),
                FormField.of("muc#roominfo_description", "text-single", "Description", false,
                        List.of(config.description())),
                FormField.of("muc#roominfo_subject", "text-single", "Subject", false, List.of(room.subject())),
                FormField.of("muc#roominfo_occupants", "text-single", "Number of occupants", false,
                        List.of(Integer.toString(room.occupantCount()))),
                FormField.of("muc#roominfo_lang", "text-single", "Language", false, List.of(config.language())),
                FormField.of("muc#roomconfig_roomname", "text-single", "Name", false, List.of(config.name())),
                FormField.of("muc#roomconfig_changesubject", "boolean", "Occupants may change the subject", false,
                        List.of(config.occupantsChangeSubject() ? "1" : "0")))).toElement());
        return XmlElement.builder("query", MucXml.DISCO_INFO).children(children).build();
    }

    /** §6.5: the occupants' room JIDs, shown for public rooms and to occupants. */
    static XmlElement roomItems(Room room, boolean occupant) {
        XmlElement.Builder query = XmlElement.builder("query", MucXml.DISCO_ITEMS);
        if (room.config().publicRoom() || occupant) {
            for (Occupant o : room.occupants()) {
                query.child(XmlElement.builder("item", MucXml.DISCO_ITEMS)
                        .attribute("jid", room.occupantJid(o.nick()).toString()).attribute("name", o.nick()).build());
            }
        }
        return query.build();
    }

    private static String displayName(Room room) {
        return room.config().name().isEmpty() ? room.jid().local() : room.config().name();
    }

    private static XmlElement identity(String name) {
        return XmlElement.builder("identity", MucXml.DISCO_INFO).attribute("category", "conference")
                .attribute("type", "text").attribute("name", name).build();
    }

    private static XmlElement feature(String var) {
        return XmlElement.builder("feature", MucXml.DISCO_INFO).attribute("var", var).build();
    }
}
