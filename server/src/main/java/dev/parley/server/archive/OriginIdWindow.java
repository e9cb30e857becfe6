package dev.parley.server.archive;

import dev.parley.xmpp.jid.Jid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The XEP-0359 origin-ids each account sent lately, with the fate of the message that carried each one, so a resend
 * (a client retrying after a lost connection) is recognised. Memory is bounded: ids older than the window are
 * forgotten, and an account keeps at most {@link #PER_ACCOUNT} of them (the oldest goes first); accounts whose ids
 * all expired are swept away every {@link #SWEEP_EVERY} claims.
 *
 * <p>A claim made while the first message with that origin-id is still being archived waits for its outcome:
 * accepted means the repeat is already handled; refused means the repeat is processed as a message of its own.
 */
final class OriginIdWindow {
    static final int PER_ACCOUNT = 1000;
    /** Longer origin-ids are not remembered (XEP-0359 ids are short; this bounds what a sender can make us keep). */
    static final int MAX_ID_LENGTH = 256;
    private static final int SWEEP_EVERY = 4096;

    private record Seen(Instant at, CompletableFuture<Boolean> accepted) {
    }

    private final Duration window;
    private final Clock clock;
    private final Map<Jid, LinkedHashMap<String, Seen>> byAccount = new HashMap<>();
    private int claimsSinceSweep;

    OriginIdWindow(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    boolean enabled() {
        return !window.isZero();
    }

    /**
     * Records that {@code account} sent a message with {@code originId}, whose outcome {@code mine} will tell;
     * returns the outcome of an earlier message with that id still inside the window, or null if there is none.
     */
    synchronized CompletableFuture<Boolean> claim(Jid account, String originId, CompletableFuture<Boolean> mine) {
        if (originId.length() > MAX_ID_LENGTH) {
            return null;
        }
        Instant now = clock.instant();
        if (++claimsSinceSweep >= SWEEP_EVERY) {
            claimsSinceSweep = 0;
            byAccount.values().removeIf(seen -> expire(seen, now));
        }
        LinkedHashMap<String, Seen> seen = byAccount.computeIfAbsent(account, key -> new LinkedHashMap<>());
        expire(seen, now);
        Seen earlier = seen.get(originId);
        if (earlier != null) {
            return earlier.accepted();
        }
        seen.put(originId, new Seen(now, mine));
        if (seen.size() > PER_ACCOUNT) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return null;
    }

    /** Forgets {@code originId} if {@code mine} is still what it stands for: that message was not accepted. */
    synchronized void forget(Jid account, String originId, CompletableFuture<Boolean> mine) {
        LinkedHashMap<String, Seen> seen = byAccount.get(account);
        if (seen != null && seen.get(originId) instanceof Seen entry && entry.accepted() == mine) {
            seen.remove(originId);
        }
    }

    /** Drops expired entries (oldest first, in insertion order); true when none is left. */
    private boolean expire(LinkedHashMap<String, Seen> seen, Instant now) {
        Instant horizon = now.minus(window);
        Iterator<Seen> it = seen.values().iterator();
        while (it.hasNext() && it.next().at().isBefore(horizon)) {
            it.remove();
        }
        return seen.isEmpty();
    }
}
