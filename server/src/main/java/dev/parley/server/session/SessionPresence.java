package dev.parley.server.session;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presence side of one bound resource (RFC 6121 §4): the presence it last broadcast, whether it asked for the
 * roster (which makes it an "interested resource", §2.1.6), and where it sent directed presence (§4.6) that must be
 * followed by unavailable presence when it goes offline. Written by the presence code of the resource's own stream,
 * read by routers on any thread.
 */
public final class SessionPresence {
    /** Most addresses one resource may have sent directed presence to at once; more are refused, memory stays bounded. */
    public static final int MAX_DIRECTED = 1000;

    private volatile Presence current;
    private volatile boolean rosterRequested;
    private final Set<Jid> directed = ConcurrentHashMap.newKeySet();

    /** The available presence last broadcast, or null while the resource is unavailable. */
    public Presence current() {
        return current;
    }

    /** True from initial presence (§4.2) until unavailable presence (§4.5). */
    public boolean available() {
        return current != null;
    }

    /** The priority of the current presence (§4.7.2.3); 0 while unavailable. */
    public int priority() {
        Presence presence = current;
        return presence == null ? 0 : presence.priority();
    }

    /** Records a broadcast: an available presence, or null for unavailable. Returns the presence it replaces. */
    public Presence update(Presence available) {
        if (available != null && available.type() != Presence.Type.AVAILABLE) {
            throw new IllegalArgumentException("only available presence is kept: " + available.type());
        }
        Presence previous = current;
        current = available;
        return previous;
    }

    public boolean rosterRequested() {
        return rosterRequested;
    }

    /** The resource requested the roster (RFC 6121 §2.1.3): from now on it gets roster pushes. */
    public void requestedRoster() {
        rosterRequested = true;
    }

    /** Notes directed presence to {@code to}; false, noting nothing, when {@link #MAX_DIRECTED} are noted already. */
    public boolean directedTo(Jid to) {
        if (directed.size() >= MAX_DIRECTED && !directed.contains(to)) {
            return false;
        }
        directed.add(to);
        return true;
    }

    /**
     * Whether this resource sent directed presence to an address under {@code bare} and has not left it: for a
     * XEP-0045 room, whether the resource is joined to it.
     */
    public boolean directedWithin(Jid bare) {
        for (Jid to : directed) {
            if (to.bare().equals(bare)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets directed presence to {@code to}: it was followed by unavailable presence. */
    public void undirected(Jid to) {
        directed.remove(to);
    }

    /** The addresses directed presence went to, forgetting them (§4.6.3: they get unavailable presence now). */
    public List<Jid> takeDirected() {
        List<Jid> taken = List.copyOf(directed);
        directed.removeAll(taken);
        return taken;
    }
}
