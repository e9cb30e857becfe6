package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds and broadcasts the presence a room sends about an occupant (XEP-0045 §7.2.2-§7.2.4, §7.6, §7.14, §§8-10): the
 * occupant's own presence children, then {@code <x xmlns='...muc#user'>} with the {@code <item/>} (the real JID only
 * to those allowed to see it) and status codes, then the XEP-0421 occupant id. Each variant is built once and only
 * readdressed per recipient JID.
 */
final class OccupantPresence {
    /** The {@code <item/>} of a presence; null fields are left out. */
    record Item(Affiliation affiliation, Role role, Jid realJid, String nick, String actor, String reason) {
        static Item of(Room room, Occupant occupant, Jid realJid) {
            return new Item(room.affiliation(occupant.user()), occupant.role(), realJid, null, null, null);
        }

        Item withNick(String newNick) {
            return new Item(affiliation, role, realJid, newNick, actor, reason);
        }

        XmlElement toElement(boolean showJid) {
            XmlElement.Builder item = XmlElement.builder("item", MucXml.USER)
                    .attribute("affiliation", affiliation.wireName()).attribute("role", role.wireName())
                    .attribute("jid", showJid && realJid != null ? realJid.toString() : null).attribute("nick", nick);
            if (actor != null) {
                item.child(XmlElement.builder("actor", MucXml.USER).attribute("nick", actor).build());
            }
            if (reason != null) {
                item.textChild("reason", reason);
            }
            return item.build();
        }
    }

    private OccupantPresence() {
    }

    /**
     * Sends presence about {@code about} to every occupant (itself included, with status 110 and {@code selfStatuses}
     * added); others see it when the room broadcasts presence of its role (§15.5.3 presencebroadcast), or always for
     * unavailable presence. {@code extra} goes into the {@code <x/>} after the item (a {@code <destroy/>}, say).
     */
    static void broadcast(Room room, Outbox out, Occupant about, Item item, boolean available, List<Integer> statuses,
                          List<Integer> selfStatuses, XmlElement extra) {
        boolean shown = !available || room.config().presenceBroadcast().contains(about.role());
        Jid from = room.occupantJid(about.nick());
        XmlElement withJid = null;
        XmlElement withoutJid = null;
        for (Occupant recipient : room.occupants()) {
            if (recipient == about || !shown) {
                continue;
            }
            boolean showJid = room.showsRealJidsTo(recipient);
            XmlElement built;
            if (showJid) {
                built = withJid != null ? withJid
                        : (withJid = build(from, about, item, available, true, statuses, extra));
            } else {
                built = withoutJid != null ? withoutJid
                        : (withoutJid = build(from, about, item, available, false, statuses, extra));
            }
            sendToSessions(out, built, recipient.sessions());
        }
        toSelf(room, out, about, about.sessions(), item, available, statuses, selfStatuses, extra);
    }

    /** The occupant's own copy of presence about itself: status 110 (§7.2.2), and always its real JID. */
    static void toSelf(Room room, Outbox out, Occupant about, List<Jid> sessions, Item item, boolean available,
                       List<Integer> statuses, List<Integer> selfStatuses, XmlElement extra) {
        List<Integer> codes = new ArrayList<>(statuses);
        codes.addAll(selfStatuses);
        codes.add(110);
        XmlElement self = build(room.occupantJid(about.nick()), about, item, available, true, codes, extra);
        sendToSessions(out, self, sessions);
    }

    /** Presence about {@code about} to one JID (a newly joined occupant's view of those present, §7.2.2). */
    static XmlElement single(Room room, Occupant about, Occupant viewer, Jid to) {
        Jid realJid = about.sessions().isEmpty() ? null : about.sessions().getLast();
        return build(room.occupantJid(about.nick()), about, Item.of(room, about, realJid), true,
                room.showsRealJidsTo(viewer), List.of(), null).withAttribute("to", to.toString());
    }

    static void sendToSessions(Outbox out, XmlElement stanza, List<Jid> sessions) {
        for (Jid session : sessions) {
            out.add(stanza, session);
        }
    }

    private static XmlElement build(Jid from, Occupant about, Item item, boolean available, boolean showJid,
                                    List<Integer> statuses, XmlElement extra) {
        XmlElement.Builder x = XmlElement.builder("x", MucXml.USER).child(item.toElement(showJid));
        if (extra != null) {
            x.child(extra);
        }
        statuses.stream().distinct().sorted().forEach(code -> x.child(MucXml.status(code)));
        List<XmlNode> children = new ArrayList<>();
        // Unavailable presence keeps only the leaving occupant's status text (§7.14).
        about.presence().stream().filter(child -> available || child.is("status", MucXml.CLIENT))
                .forEach(children::add);
        children.add(x.build());
        children.add(MucXml.occupantId(about.occupantId()));
        return XmlElement.builder("presence", MucXml.CLIENT).attribute("from", from.toString())
                .attribute("type", available ? null : "unavailable").children(children).build();
    }
}
