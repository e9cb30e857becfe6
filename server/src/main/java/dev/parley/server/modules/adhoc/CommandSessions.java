package dev.parley.server.modules.adhoc;

import dev.parley.xmpp.jid.Jid;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Multi-stage ad-hoc command sessions (XEP-0050 §3.4): which command a session id belongs to and who started it.
 * Bounded in number and age so that abandoned sessions cannot pile up.
 */
final class CommandSessions {
    record Session(Jid owner, String command, Instant expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private final int capacity;

    CommandSessions(Clock clock, Duration lifetime, int capacity) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.capacity = capacity;
    }

    /** A new session id, or empty when too many sessions are open. */
    Optional<String> open(Jid owner, String command) {
        purgeExpired();
        if (sessions.size() >= capacity) {
            return Optional.empty();
        }
        String id = newId();
        sessions.put(id, new Session(owner, command, clock.instant().plus(lifetime)));
        return Optional.of(id);
    }

    /** A fresh unpredictable id, also for single-stage commands, which need one in their response (XEP-0050 §3.4). */
    String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Takes the session if it exists, is not expired and belongs to {@code owner} and {@code command}. */
    Optional<Session> take(String id, Jid owner, String command) {
        Session session = sessions.get(id);
        if (session == null || !session.owner().equals(owner) || !session.command().equals(command)) {
            return Optional.empty();
        }
        sessions.remove(id);
        return session.expires().isAfter(clock.instant()) ? Optional.of(session) : Optional.empty();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (!it.next().expires().isAfter(now)) {
                it.remove();
            }
        }
    }
}
