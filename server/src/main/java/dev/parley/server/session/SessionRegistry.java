package dev.parley.server.session;

import dev.parley.server.api.SessionListener;
import dev.parley.xmpp.jid.Jid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The directory of this node's bound sessions: bare JID → its resources. Every change to one account's resources is an
 * atomic {@code compute} on its entry, so two clients binding the same resource at once cannot both win.
 */
public final class SessionRegistry {
    private final ConcurrentHashMap<Jid, List<ClientSession>> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener for binds and unbinds from now on. */
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /** The outcome of {@link #bind}. {@code replaced} is the session the new one displaced, to be terminated. */
    public record Binding(boolean bound, ClientSession replaced) {
    }

    /**
     * Binds {@code session}'s full JID. When the resource is taken: with {@code replaceExisting} the old session is
     * removed and returned for termination; otherwise nothing changes and the binding is refused.
     */
    public Binding bind(ClientSession session, boolean replaceExisting) {
        Jid full = session.jid();
        ClientSession[] replaced = new ClientSession[1];
        boolean[] bound = new boolean[1];
        byAccount.compute(full.bare(), (bare, current) -> {
            List<ClientSession> next = new ArrayList<>(current == null ? List.of() : current);
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i).jid().equals(full)) {
                    if (!replaceExisting) {
                        return current;
                    }
                    replaced[0] = next.remove(i);
                    break;
                }
            }
            next.add(session);
            bound[0] = true;
            return List.copyOf(next);
        });
        if (bound[0] && replaced[0] == null) {
            count.incrementAndGet();
        }
        if (replaced[0] != null) {
            listeners.forEach(l -> l.unbound(replaced[0]));
        }
        if (bound[0]) {
            listeners.forEach(l -> l.bound(session));
        }
        return new Binding(bound[0], replaced[0]);
    }

    /** Removes this session (and no other holding the same JID). */
    public void unbind(ClientSession session) {
        boolean[] removed = new boolean[1];
        byAccount.computeIfPresent(session.jid().bare(), (bare, current) -> {
            List<ClientSession> next = new ArrayList<>(current);
            removed[0] = next.remove(session);
            return next.isEmpty() ? null : List.copyOf(next);
        });
        if (removed[0]) {
            count.decrementAndGet();
            listeners.forEach(l -> l.unbound(session));
        }
    }

    public Optional<ClientSession> session(Jid full) {
        for (ClientSession session : sessions(full.bare())) {
            if (session.jid().equals(full)) {
                return Optional.of(session);
            }
        }
        return Optional.empty();
    }

    /** The account's bound sessions, available or not. */
    public List<ClientSession> sessions(Jid bare) {
        return byAccount.getOrDefault(bare, List.of());
    }

    /** The bare JIDs of the accounts with at least one bound session: a live view, weakly consistent while it changes. */
    public Set<Jid> onlineAccounts() {
        return Collections.unmodifiableSet(byAccount.keySet());
    }

    /** Bound sessions on this node. */
    public int count() {
        return count.get();
    }

    /** Accounts with at least one bound session on this node. */
    public int accounts() {
        return byAccount.size();
    }
}
