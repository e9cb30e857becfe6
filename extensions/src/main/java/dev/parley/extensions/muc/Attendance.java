package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Presence sent to {@code room@service/nick}: entering (XEP-0045 §7.2, with the §7.2.5-§7.2.10 refusals, checked in
 * the order the XEP gives and changing nothing), presence changes (§7.7), nickname changes (§7.6) and leaving (§7.14).
 * Nicknames follow {@link Nicknames}: the room uses the enforced form, says so with status 210 when it differs from
 * the one asked for (§7.2.2), and a nickname the same as another user's, in the room or reserved (§7.10, §7.12),
 * is a conflict.
 */
final class Attendance {
    private final OccupantIds occupantIds;
    private final RoomArchive archive;
    private final Nicknames nicknames;

    Attendance(OccupantIds occupantIds, RoomArchive archive, Nicknames nicknames) {
        this.occupantIds = occupantIds;
        this.archive = archive;
        this.nicknames = nicknames;
    }

    void presence(Room room, Presence presence, Outbox out, boolean created) {
        Jid from = presence.from();
        Occupant current = room.occupantBySession(from);
        if (presence.type() == Presence.Type.UNAVAILABLE || presence.isError()) {
            if (current != null) {
                leave(room, current, from, presence, out);
            }
            return;
        }
        if (presence.type() != Presence.Type.AVAILABLE) {
            return; // subscription requests and probes have no meaning for a room
        }
        Nicknames.Checked nick = nicknames.check(presence.to().resource());
        if (nick.refused()) {
            out.add(presence.errorReply(StanzaError.of(nick.refusal())));
        } else if (current == null) {
            join(room, presence, nick.nick(), out, created);
        } else if (!current.nick().equals(nick.nick())) {
            changeNick(room, current, presence, nick.nick(), out);
        } else {
            current.presence(from, visibleChildren(presence));
            OccupantPresence.broadcast(room, out, current, OccupantPresence.Item.of(room, current, from), true,
                    List.of(), List.of(), null);
        }
    }

    private void join(Room room, Presence presence, String nick, Outbox out, boolean created) {
        Jid from = presence.from();
        Affiliation affiliation = room.affiliation(from);
        Optional<XmlElement> muc = presence.element().child("x", MucXml.MUC);
        StanzaErrorCondition refusal = refusal(room, from, affiliation, nick, muc);
        if (refusal != null) {
            out.add(presence.errorReply(StanzaError.of(refusal)));
            return;
        }
        Occupant sameUser = room.occupantByUser(from);
        Occupant occupant = sameUser != null ? sameUser
                : new Occupant(nick, from, occupantIds.of(room.jid(), from), room.defaultRole(affiliation));
        boolean newOccupant = sameUser == null;
        // §7.2.2: first the others' presence to the newcomer, then the newcomer's presence to all, itself last.
        for (Occupant other : room.occupants()) {
            if (other != occupant && room.config().presenceBroadcast().contains(other.role())) {
                out.add(OccupantPresence.single(room, other, occupant, from));
            }
        }
        occupant.presence(from, visibleChildren(presence));
        List<Integer> selfStatuses = new ArrayList<>();
        if (room.config().nonAnonymous()) {
            selfStatuses.add(100);
        }
        if (room.config().logging()) {
            selfStatuses.add(170);
        }
        if (created) {
            selfStatuses.add(201);
        }
        if (!occupant.nick().equals(presence.to().resource())) {
            selfStatuses.add(210);
        }
        OccupantPresence.Item item = OccupantPresence.Item.of(room, occupant, from);
        if (newOccupant) {
            room.add(occupant);
            OccupantPresence.broadcast(room, out, occupant, item, true, List.of(), selfStatuses, null);
        } else {
            // Another resource of an occupant (multi-session nick): only the new resource hears about it.
            OccupantPresence.toSelf(room, out, occupant, List.of(from), item, true, List.of(), selfStatuses, null);
        }
        sendHistory(room, muc, from, out);
        out.add(subject(room, from));
    }

    /** §7.2.5-§7.2.10, §7.2.8 and §7.2.9: why the user may not enter, or null. */
    private static StanzaErrorCondition refusal(Room room, Jid from, Affiliation affiliation, String nick,
                                                Optional<XmlElement> muc) {
        RoomConfig config = room.config();
        if (room.locked() && affiliation != Affiliation.OWNER) {
            return StanzaErrorCondition.ITEM_NOT_FOUND;
        }
        if (affiliation == Affiliation.OUTCAST) {
            return StanzaErrorCondition.FORBIDDEN;
        }
        if (room.nickTakenByAnother(nick, from)) {
            return StanzaErrorCondition.CONFLICT;
        }
        Occupant sameUser = room.occupantByUser(from);
        if (sameUser != null && !Nicknames.same(sameUser.nick(), nick)) {
            return StanzaErrorCondition.CONFLICT; // one bare JID holds one nickname
        }
        if (config.membersOnly() && !affiliation.atLeast(Affiliation.MEMBER)) {
            return StanzaErrorCondition.REGISTRATION_REQUIRED;
        }
        if (!config.admits(muc.flatMap(x -> x.childText("password", MucXml.MUC)).orElse(""))
                && !affiliation.atLeast(Affiliation.ADMIN)) {
            return StanzaErrorCondition.NOT_AUTHORIZED;
        }
        if (sameUser == null && room.occupantCount() >= config.maxUsers() && !affiliation.atLeast(Affiliation.ADMIN)) {
            return StanzaErrorCondition.SERVICE_UNAVAILABLE;
        }
        return null;
    }

    /**
     * §7.2.15: the discussion history from the room's archive, before the subject; its place in the room's order is
     * kept while the archive is read, so messages broadcast after the entry follow it.
     */
    private void sendHistory(Room room, Optional<XmlElement> muc, Jid to, Outbox out) {
        RoomHistory.Request request = muc.flatMap(x -> x.child("history", MucXml.MUC)).map(RoomHistory.Request::of)
                .orElse(RoomHistory.Request.DEFAULT);
        int roomMax = room.config().maxHistoryFetch();
        int stanzas = request.stanzas(roomMax);
        if (stanzas == 0) {
            return;
        }
        Instant now = Instant.now();
        Jid roomJid = room.jid();
        out.addAllLater(archive.newest(roomJid, request.toRead(roomMax))
                .thenApply(newest -> RoomHistory.select(request, roomMax, roomJid, to, newest, now)), stanzas);
    }

    /** §7.2.15: the subject after the history, an empty {@code <subject/>} when there is none. */
    static XmlElement subject(Room room, Jid to) {
        Jid from = room.subjectFrom() == null ? room.jid() : room.occupantJid(room.subjectFrom());
        return XmlElement.builder("message", MucXml.CLIENT).attribute("from", from.toString())
                .attribute("to", to.toString()).attribute("type", "groupchat")
                .child(XmlElement.builder("subject", MucXml.CLIENT).text(room.subject()).build()).build();
    }

    private void changeNick(Room room, Occupant occupant, Presence presence, String nick, Outbox out) {
        boolean conflict = room.nickTakenByAnother(nick, occupant.user());
        if (conflict || occupant.sessions().size() > 1) {
            // §7.6: a nickname held by someone else is a conflict; a multi-session occupant keeps one nickname.
            out.add(presence.errorReply(StanzaError.of(conflict ? StanzaErrorCondition.CONFLICT
                    : StanzaErrorCondition.NOT_ACCEPTABLE)));
            return;
        }
        Jid from = presence.from();
        OccupantPresence.Item item = OccupantPresence.Item.of(room, occupant, from);
        OccupantPresence.broadcast(room, out, occupant, item.withNick(nick), false, List.of(303), List.of(), null);
        room.remove(occupant);
        Occupant renamed = occupant.renamed(nick);
        renamed.presence(from, visibleChildren(presence));
        room.add(renamed);
        OccupantPresence.broadcast(room, out, renamed, item, true, List.of(),
                nick.equals(presence.to().resource()) ? List.of() : List.of(210), null);
    }

    private static void leave(Room room, Occupant occupant, Jid from, Presence presence, Outbox out) {
        OccupantPresence.Item item = new OccupantPresence.Item(room.affiliation(occupant.user()), Role.NONE, from,
                null, null, null);
        if (occupant.sessions().size() > 1) {
            // Other resources stay: only the leaving one hears that it left (multi-session nick).
            OccupantPresence.toSelf(room, out, occupant, List.of(from), item, false, List.of(), List.of(), null);
            occupant.leave(from);
            return;
        }
        occupant.presence(from, presence.element().elements("status", MucXml.CLIENT).toList());
        OccupantPresence.broadcast(room, out, occupant, item, false, List.of(), List.of(), null);
        occupant.leave(from);
        room.remove(occupant);
    }

    /** What the room repeats of an occupant's presence: everything but what only the room may set. */
    private static List<XmlElement> visibleChildren(Presence presence) {
        return presence.element().elements().filter(child -> !MucXml.serviceOwned(child)).toList();
    }
}
