package dev.parley.extensions.muc;

import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.StanzaHandler;
import dev.parley.server.api.storage.MucRoom;
import dev.parley.server.api.storage.MucStore;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One XEP-0045 chat service at its own domain: finds the room a stanza is for, creates rooms on first entry (§10.1),
 * lets the room handle the stanza under the room's monitor, routes what the room sends in the room's order, stores
 * persistent rooms, and forgets temporary rooms when the last occupant leaves (§10.1.3 persistentroom).
 */
final class MucService implements StanzaHandler {
    private static final Logger log = LoggerFactory.getLogger(MucService.class);
    /** Most rooms one service holds in memory; more are refused with resource-constraint. */
    static final int MAX_ROOMS = 10_000;

    private final Jid domain;
    private final ModuleContext context;
    private final MucStore store;
    private final Attendance attendance;
    private final RoomArchive archive;
    private final ServicePolicy policy;
    private final OccupantIqs occupantIqs = new OccupantIqs();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    MucService(Jid domain, ModuleContext context, MucStore store, RoomArchive archive, OccupantIds occupantIds,
               ServicePolicy policy) {
        this.domain = domain;
        this.context = context;
        this.store = store;
        this.archive = archive;
        this.policy = policy;
        this.attendance = new Attendance(occupantIds, archive, policy.nicknames());
    }

    /** Loads the persistent rooms; at server start, before any stanza arrives. */
    CompletionStage<Void> load() {
        return store.rooms(domain).thenAccept(stored -> {
            for (MucRoom room : stored) {
                try {
                    rooms.put(room.jid().local(), Room.restore(room));
                } catch (ConfigForm.Invalid e) {
                    log.warn("stored room {} has an unreadable configuration ({}); it is not loaded", room.jid(),
                            e.getMessage());
                }
            }
        });
    }

    @Override
    public CompletionStage<Void> handle(Stanza stanza) {
        try {
            if (stanza.isError()) {
                // An error may be the router's answer to a copy this room is routing now (an occupant whose session
                // just ended, RFC 6121 §8.5.3.2.1): the room takes it after its current outbox, so the router must
                // not wait for that, or the outbox would wait for itself.
                handleChecked(stanza);
                return CompletableFuture.completedFuture(null);
            }
            return handleChecked(stanza);
        } catch (RuntimeException e) {
            // A bug must not take the sender's routing down with it; the sender learns that the room failed.
            log.error("the chat service failed on a {} to {}", stanza.element().name(), stanza.to(), e);
            return refuse(stanza, StanzaErrorCondition.INTERNAL_SERVER_ERROR);
        }
    }

    private CompletionStage<Void> handleChecked(Stanza stanza) {
        Jid to = stanza.to();
        if (to.local() == null) {
            return routeNow(serviceStanza(stanza));
        }
        while (true) {
            boolean created = false;
            Room room = rooms.get(to.local());
            if (room == null && createsRoom(stanza)) {
                if (!policy.mayCreateRooms(stanza.from())) {
                    return refuse(stanza, StanzaErrorCondition.NOT_ALLOWED); // §10.1.1: creation is restricted
                }
                if (rooms.size() >= MAX_ROOMS) {
                    return refuse(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT);
                }
                Room fresh = new Room(to.bare(), RoomConfig.defaults(), true);
                fresh.affiliation(stanza.from(), Affiliation.OWNER);
                room = rooms.putIfAbsent(to.local(), fresh);
                created = room == null;
                room = created ? fresh : room;
                if (created) {
                    // A temporary room that was alive when the server stopped left its archive behind; a new room
                    // starts empty. RoomArchive runs the erase before the room's first append.
                    archive.erase(fresh.jid());
                }
            }
            if (room == null) {
                return stanza instanceof Presence ? CompletableFuture.completedFuture(null)
                        : refuse(stanza, StanzaErrorCondition.ITEM_NOT_FOUND);
            }
            Outbox out = new Outbox();
            synchronized (room) {
                if (room.destroyed()) {
                    continue; // removed while this stanza waited; look again
                }
                dispatch(room, stanza, out, created);
                afterChange(room, out);
                return room.sendAfterPrevious(() -> route(out.entries()));
            }
        }
    }

    private static boolean createsRoom(Stanza stanza) {
        return stanza instanceof Presence presence && presence.type() == Presence.Type.AVAILABLE && !presence.to().isBare();
    }

    private void dispatch(Room room, Stanza stanza, Outbox out, boolean created) {
        boolean toOccupant = stanza.to().resource() != null;
        switch (stanza) {
            case Presence presence when toOccupant -> attendance.presence(room, presence, out, created);
            case Presence presence -> {
                if (presence.type() == Presence.Type.AVAILABLE) {
                    out.add(presence.errorReply(StanzaError.of(StanzaErrorCondition.JID_MALFORMED))); // §7.2.1: no nick
                }
            }
            case Message message when room.locked() && room.occupantBySession(message.from()) == null ->
                    RoomMessages.refuse(message, StanzaErrorCondition.ITEM_NOT_FOUND, out);
            case Message message when toOccupant -> RoomMessages.toOccupant(room, message, out);
            case Message message -> RoomMessages.toRoom(room, message, out, archive, policy);
            case Iq iq when toOccupant -> occupantIqs.handle(room, iq, out);
            case Iq iq -> roomIq(room, iq, out);
        }
    }

    private void roomIq(Room room, Iq iq, Outbox out) {
        if (!iq.isRequest()) {
            return;
        }
        if (room.locked() && room.affiliation(iq.from()) != Affiliation.OWNER) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND))); // §7.2.10: not there yet
            return;
        }
        XmlElement payload = iq.payload();
        String ns = payload.namespace();
        boolean get = iq.type() == Iq.Type.GET;
        if (ns.equals(MucXml.OWNER)) {
            RoomOwner.handle(room, iq, out);
        } else if (ns.equals(MucXml.ADMIN)) {
            RoomAdmin.handle(room, iq, policy.nicknames(), out);
        } else if (ns.equals(MucXml.REGISTER)) {
            RoomRegistration.handle(room, iq, policy.nicknames(), out);
        } else if (get && ns.equals(MucXml.DISCO_INFO) && payload.attribute("node") == null) {
            out.add(iq.result(RoomDisco.roomInfo(room)));
        } else if (get && ns.equals(MucXml.DISCO_INFO)
                && RoomRegistration.RESERVED_NICK_NODE.equals(payload.attribute("node"))) {
            out.add(iq.result(RoomRegistration.reservedNickInfo(room, iq.from())));
        } else if (get && ns.equals(MucXml.DISCO_ITEMS) && payload.attribute("node") == null) {
            out.add(iq.result(RoomDisco.roomItems(room, room.occupantBySession(iq.from()) != null)));
        } else if (get && payload.is("ping", MucXml.PING)) {
            out.add(iq.result(null));
        } else if (ns.equals(MucXml.MAM) && payload.attribute("node") == null) {
            StanzaErrorCondition refusal = RoomArchive.refusal(room, iq.from());
            if (refusal != null) {
                out.add(iq.errorReply(StanzaError.of(refusal, "Only who may read this room's archive may query it")));
            } else {
                out.addLater(archive.handle(room, iq));
            }
        } else if (ns.equals(MucXml.MODERATE)) {
            RoomModeration.handle(room, iq, out, archive);
        } else {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
        }
    }

    /** Stores, deletes or forgets the room after a stanza changed it. */
    private void afterChange(Room room, Outbox out) {
        boolean gone = room.destroyed() || (room.occupantCount() == 0 && (room.locked() || !room.config().persistent()));
        if (gone) {
            room.destroy();
            rooms.remove(room.jid().local(), room);
            archive.erase(room.jid());
        }
        if (gone || out.isStateChanged()) {
            CompletionStage<?> write = !gone && room.config().persistent() ? store.put(room.snapshot())
                    : store.delete(room.jid());
            write.exceptionally(failure -> {
                log.warn("storing room {} failed", room.jid(), failure);
                return null;
            });
        }
    }

    private List<XmlElement> serviceStanza(Stanza stanza) {
        if (!(stanza instanceof Iq iq) || !iq.isRequest()) {
            return List.of();
        }
        XmlElement payload = iq.payload();
        if (iq.type() == Iq.Type.GET && payload.attribute("node") == null && payload.is("query", MucXml.DISCO_INFO)) {
            return List.of(iq.result(RoomDisco.serviceInfo()));
        }
        if (iq.type() == Iq.Type.GET && payload.attribute("node") == null && payload.is("query", MucXml.DISCO_ITEMS)) {
            List<Room> listed = new ArrayList<>();
            for (Room room : rooms.values()) {
                synchronized (room) {
                    if (!room.destroyed() && !room.locked() && room.config().publicRoom()) {
                        listed.add(room);
                    }
                }
            }
            listed.sort(Comparator.comparing(room -> room.jid().toString()));
            return List.of(iq.result(RoomDisco.serviceItems(listed)));
        }
        if (iq.type() == Iq.Type.GET && payload.is("ping", MucXml.PING)) {
            return List.of(iq.result(null));
        }
        return List.of(iq.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
    }

    private CompletionStage<Void> refuse(Stanza stanza, StanzaErrorCondition condition) {
        if (stanza.isError() || (stanza instanceof Iq iq && !iq.isRequest())) {
            return CompletableFuture.completedFuture(null);
        }
        return routeNow(List.of(stanza.errorReply(StanzaError.of(condition))));
    }

    /** Routes the room's stanzas one after the other, in the room's order ({@link OutboxRouting}). */
    private CompletionStage<Void> route(List<Outbox.Entry> entries) {
        return OutboxRouting.route(context, entries);
    }

    private CompletionStage<Void> routeNow(List<XmlElement> stanzas) {
        return route(stanzas.stream().map(Outbox.Entry::of).toList());
    }
}
