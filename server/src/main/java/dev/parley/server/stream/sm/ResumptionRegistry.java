package dev.parley.server.stream.sm;

import dev.parley.xmpp.jid.Jid;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's resumable sessions by SM-ID (XEP-0198 §5). An SM-ID is 144 random bits from {@link SecureRandom}, so it
 * cannot be guessed and is never reused while the server runs; it is bound to the account that enabled it, and a
 * stream of another account is told the id does not exist. Every change of an entry is one atomic map operation, so
 * of two streams resuming the same id, or a resumption racing the timeout, exactly one {@link #claim} wins.
 *
 * <p>At most {@code maxDetached} sessions wait for resumption at once: past that, a dropped session is not kept.
 *
 * @param <S> the session type
 */
public final class ResumptionRegistry<S> {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registration; compared by identity, so a stale timeout cannot remove a newer registration of the same id. */
    public static final class Entry<S> {
        private final Jid account;
        private final S session;
        private final boolean detached;

        private Entry(Jid account, S session, boolean detached) {
            this.account = account;
            this.session = session;
            this.detached = detached;
        }
    }

    private final ConcurrentHashMap<String, Entry<S>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger detached = new AtomicInteger();
    private final int maxDetached;

    public ResumptionRegistry(int maxDetached) {
        this.maxDetached = maxDetached;
    }

    /** Registers an attached session of {@code account} and returns its new SM-ID. */
    public String register(Jid account, S session) {
        Jid bare = account.bare();
        while (true) {
            String id = newId();
            if (entries.putIfAbsent(id, new Entry<>(bare, session, false)) == null) {
                return id;
            }
        }
    }

    /** Registers {@code session} again under its SM-ID, attached, after it was {@link #claim claimed} and resumed. */
    public void reattached(String id, Jid account, S session) {
        Entry<S> previous = entries.put(id, new Entry<>(account.bare(), session, false));
        if (previous != null && previous.detached) {
            detached.decrementAndGet();
        }
    }

    /**
     * Marks the session detached (its connection is gone). Returns the entry to pass to {@link #expire}, or empty when
     * the id is not registered to this session or too many sessions are detached already.
     */
    public Optional<Entry<S>> detach(String id, S session) {
        if (detached.incrementAndGet() > maxDetached) {
            detached.decrementAndGet();
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Entry<S>[] made = new Entry[1];
        entries.computeIfPresent(id, (key, entry) -> {
            if (entry.session != session || entry.detached) {
                return entry;
            }
            made[0] = new Entry<>(entry.account, session, true);
            return made[0];
        });
        if (made[0] == null) {
            detached.decrementAndGet();
        }
        return Optional.ofNullable(made[0]);
    }

    /**
     * Removes and returns the session registered under {@code id} for {@code account}: the caller alone may resume it.
     * Empty when the id is unknown, expired, already claimed, or belongs to another account (which stays registered).
     */
    public Optional<S> claim(String id, Jid account) {
        Jid bare = account.bare();
        @SuppressWarnings("unchecked")
        Entry<S>[] taken = new Entry[1];
        entries.computeIfPresent(id, (key, entry) -> {
            if (!entry.account.equals(bare)) {
                return entry;
            }
            taken[0] = entry;
            return null;
        });
        return Optional.ofNullable(taken[0]).map(this::released);
    }

    /** The session registered under {@code id} for {@code account}, without claiming it. */
    public Optional<S> peek(String id, Jid account) {
        Entry<S> entry = entries.get(id);
        return entry != null && entry.account.equals(account.bare()) ? Optional.of(entry.session) : Optional.empty();
    }

    /** Removes {@code entry} if it is still the registration of its id: true when the caller may end the session. */
    public boolean expire(String id, Entry<S> entry) {
        if (entries.remove(id, entry)) {
            released(entry);
            return true;
        }
        return false;
    }

    /** Forgets the id of a session that ends while attached. */
    public void forget(String id, S session) {
        Entry<S> entry = entries.get(id);
        if (entry != null && entry.session == session && entries.remove(id, entry)) {
            released(entry);
        }
    }

    /** Sessions waiting for resumption. */
    public int detachedCount() {
        return detached.get();
    }

    /** Registered sessions, attached or not. */
    public int size() {
        return entries.size();
    }

    private S released(Entry<S> entry) {
        if (entry.detached) {
            detached.decrementAndGet();
        }
        return entry.session;
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
