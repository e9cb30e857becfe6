package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IQs to {@code room@service/nick}: XEP-0410 self-pings answered by the service (an occupant pinging its own room
 * JID learns it is still joined), and other requests relayed between occupants (XEP-0045 §7.2.1 "IQ to occupant"),
 * with the relay's id swapped so that the answer finds its way back. Non-occupants are refused (§6.6 bad-request;
 * not-acceptable for a ping, XEP-0410 §3).
 */
final class OccupantIqs {
    /** Most relayed requests awaiting an answer; the oldest is forgotten beyond it (its answer is then dropped). */
    static final int MAX_PENDING = 1000;

    private record Pending(Jid requester, String id) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Pending> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX_PENDING;
        }
    };

    void handle(Room room, Iq iq, Outbox out) {
        Occupant sender = room.occupantBySession(iq.from());
        String nick = iq.to().resource();
        if (!iq.isRequest()) {
            answer(room, sender, iq, out);
            return;
        }
        boolean ping = iq.payload().is("ping", MucXml.PING);
        if (sender == null) {
            out.add(iq.errorReply(StanzaError.of(ping ? StanzaErrorCondition.NOT_ACCEPTABLE
                    : StanzaErrorCondition.BAD_REQUEST)));
            return;
        }
        Occupant target = room.occupant(nick);
        if (ping && target == sender) {
            out.add(iq.result(null)); // its own room JID, in whatever case or width it was written (RFC 8266)
            return;
        }
        if (target == null) {
            out.add(iq.errorReply(StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND)));
            return;
        }
        String relayId = "muc-" + ids.incrementAndGet();
        synchronized (pending) {
            pending.put(relayId, new Pending(iq.from(), iq.id()));
        }
        out.add(iq.element().withAttribute("id", relayId)
                .withAttribute("from", room.occupantJid(sender.nick()).toString())
                .withAttribute("to", target.sessions().getLast().toString()));
    }

    private void answer(Room room, Occupant responder, Iq iq, Outbox out) {
        Pending request;
        synchronized (pending) {
            request = pending.remove(iq.id());
        }
        if (request == null || responder == null) {
            return;
        }
        XmlElement relayed = iq.element().withAttribute("id", request.id())
                .withAttribute("from", room.occupantJid(responder.nick()).toString())
                .withAttribute("to", request.requester().toString());
        out.add(relayed);
    }
}
