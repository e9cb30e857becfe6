package dev.parley.server.stream.sm;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;

import java.util.LinkedHashMap;
import java.util.function.Consumer;

/**
 * Client State Indication (XEP-0352 §4-§5): while the client says it is inactive, presence broadcasts are held, only
 * the latest per sender full JID (what the client would show anyway), and messages that carry nothing but XEP-0085
 * chat states are dropped (they describe a moment that is over when the user looks again; the XEP names both).
 * Everything else goes out at once, after the held presence, so the client sees stanzas in the order they were
 * sent. Becoming active flushes what is held. At most {@code maxHeld} presences are held: one more flushes them all.
 * Not thread-safe: its owner guards it.
 */
public final class CsiFilter {
    private final int maxHeld;
    private final LinkedHashMap<Jid, Stanza> held = new LinkedHashMap<>();
    private boolean inactive;

    public CsiFilter(int maxHeld) {
        if (maxHeld < 1) {
            throw new IllegalArgumentException("maxHeld must be at least 1: " + maxHeld);
        }
        this.maxHeld = maxHeld;
    }

    public boolean inactive() {
        return inactive;
    }

    public void inactivate() {
        inactive = true;
    }

    /** The client is active again (or its stream was resumed, §6): held presences go out, oldest first. */
    public void activate(Consumer<Stanza> out) {
        inactive = false;
        flush(out);
    }

    /** Passes {@code stanza} to {@code out} now, holds it, or drops it. */
    public void offer(Stanza stanza, Consumer<Stanza> out) {
        if (!inactive) {
            out.accept(stanza);
        } else if (isBroadcastPresence(stanza)) {
            held.remove(stanza.from()); // the latest goes to the end: order among senders is the order of updates
            held.put(stanza.from(), stanza);
            if (held.size() > maxHeld) {
                flush(out);
            }
        } else if (!isChatStateOnly(stanza)) {
            flush(out);
            out.accept(stanza);
        }
    }

    /** Presences held now. */
    public int held() {
        return held.size();
    }

    /** Forgets what is held (the session ended: presence is never bounced). */
    public void clear() {
        held.clear();
    }

    /** Sends what is held without changing state: something that must go out now must not overtake it. */
    public void release(Consumer<Stanza> out) {
        flush(out);
    }

    private void flush(Consumer<Stanza> out) {
        if (!held.isEmpty()) {
            held.values().forEach(out);
            held.clear();
        }
    }

    /** Available or unavailable presence from someone: subscription stanzas and errors need an answer, they pass. */
    static boolean isBroadcastPresence(Stanza stanza) {
        return stanza instanceof Presence presence && presence.from() != null
                && (presence.type() == Presence.Type.AVAILABLE || presence.type() == Presence.Type.UNAVAILABLE);
    }

    /** A message with chat states and nothing a user reads (no body, subject or other payload). */
    static boolean isChatStateOnly(Stanza stanza) {
        if (!(stanza instanceof Message message) || message.type() == Message.Type.ERROR) {
            return false;
        }
        boolean chatState = false;
        for (XmlElement child : message.element().elements().toList()) {
            if (Namespaces.CHAT_STATES.equals(child.namespace())) {
                chatState = true;
            } else if (!child.is("thread", Namespaces.CLIENT) && !Namespaces.HINTS.equals(child.namespace())) {
                return false;
            }
        }
        return chatState;
    }
}
