package dev.parley.load.scenario;

import dev.parley.load.client.Stanzas;
import dev.parley.load.client.XmppSession;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Brings a room's occupants in (XEP-0045 §7.2): the first one enters and thereby creates the room; if the service
 * says the room is new and locked (status 201), it accepts the default configuration as an instant room (§10.1.2);
 * then the others enter together. Each entry is confirmed by the occupant's own presence (status 110).
 */
final class RoomJoin {
    /** How long one entry or configuration may take before that occupant counts as not joined. */
    private static final long STEP_SECONDS = 20;

    private RoomJoin() {
    }

    /** The sessions that are in {@code room} once all entries settled; {@code members} may hold nulls. */
    static CompletableFuture<List<XmppSession>> join(String room, List<XmppSession> members, StanzaWaiter waiter) {
        List<XmppSession> present = members.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        XmppSession owner = present.get(0);
        return enter(owner, room, 0, waiter).thenCompose(self -> {
            if (self == null) {
                return CompletableFuture.completedFuture(List.of());
            }
            CompletableFuture<Boolean> configured = MucScenario.statusCodes(self).contains("201")
                    ? configure(owner, room, waiter) : CompletableFuture.completedFuture(true);
            return configured.thenCompose(ok -> {
                if (!ok) {
                    return CompletableFuture.completedFuture(List.of());
                }
                List<CompletableFuture<XmlElement>> entries = new ArrayList<>();
                for (int i = 1; i < present.size(); i++) {
                    entries.add(enter(present.get(i), room, i, waiter));
                }
                return CompletableFuture.allOf(entries.toArray(CompletableFuture[]::new)).thenApply(done -> {
                    List<XmppSession> joined = new ArrayList<>(List.of(owner));
                    for (int i = 0; i < entries.size(); i++) {
                        if (entries.get(i).join() != null) {
                            joined.add(present.get(i + 1));
                        }
                    }
                    return joined;
                });
            });
        });
    }

    /** The occupant's own presence once it entered, or null when it was refused or nothing came in time. */
    private static CompletableFuture<XmlElement> enter(XmppSession session, String room, int nick,
                                                       StanzaWaiter waiter) {
        String occupant = room + "/o" + nick;
        CompletableFuture<XmlElement> self = waiter.expect(session, stanza -> MucScenario.isSelfPresence(stanza, occupant));
        session.post(Stanzas.mucJoin(occupant));
        return self.completeOnTimeout(null, STEP_SECONDS, TimeUnit.SECONDS)
                .thenApply(presence -> presence == null || "error".equals(presence.attribute("type")) ? null : presence);
    }

    private static CompletableFuture<Boolean> configure(XmppSession owner, String room, StanzaWaiter waiter) {
        String id = "instant-" + room;
        CompletableFuture<XmlElement> answer = waiter.expect(owner,
                stanza -> stanza.name().equals("iq") && id.equals(stanza.attribute("id")));
        owner.post(Stanzas.instantRoom(room, id));
        return answer.completeOnTimeout(null, STEP_SECONDS, TimeUnit.SECONDS)
                .thenApply(iq -> iq != null && "result".equals(iq.attribute("type")));
    }
}
