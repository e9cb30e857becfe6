package dev.parley.server.caps;

import dev.parley.server.api.EntityCapabilities;
import dev.parley.server.api.SessionListener;
import dev.parley.server.routing.PendingRequests;
import dev.parley.server.routing.PresenceHandling;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the server learns from the entity capabilities (XEP-0115) its clients announce in broadcast presence. A
 * verification string not seen before is asked of one client that announced it (disco#info on its caps node, §6.2),
 * checked by recomputing it (§5.4) and then cached for everyone announcing it; while that one query is underway, other
 * clients announcing the same string wait for its outcome, and when the answer does not verify (or never comes) the
 * next of them is asked (§5.4 3.9). A hash function this server does not support is asked of each client for itself
 * and never cached (§5.4 2); a legacy 'ver' without 'hash' is ignored (§13). A client's entry ends with its unavailable
 * presence or its session.
 */
public final class CapsService implements EntityCapabilities {
    /** How long a client has to answer its caps query; a client answers its own caps node at once. */
    public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    /** Verification strings kept: one per client software version in use, so a few hundred in practice. */
    public static final int CACHE_CAPACITY = 1000;

    private static final Logger log = LoggerFactory.getLogger(CapsService.class);

    /** A client's current announcement and, once known, its features. */
    private static final class Announced {
        final Caps caps;
        final AtomicReference<Set<String>> features = new AtomicReference<>();
        /** The query asked of this client, if any, cancelled when the client goes. */
        volatile CompletableFuture<Iq> query;

        Announced(Caps caps) {
            this.caps = caps;
        }
    }

    /**
     * The one query underway for a verification string: everyone who announced it since it started (to be told the
     * outcome), and those of them not asked yet (to ask next when an answer does not verify).
     */
    private static final class Discovery {
        final Caps.Version version;
        final Set<Jid> announcers = new HashSet<>();
        final LinkedHashSet<Jid> untried = new LinkedHashSet<>();

        Discovery(Caps.Version version, Jid first) {
            this.version = version;
            announcers.add(first);
        }
    }

    private final CapsQueries queries;
    private final VerifiedFeatures verified;
    private final ConcurrentHashMap<Jid, Announced> announced = new ConcurrentHashMap<>();
    private final Map<Caps.Version, Discovery> discoveries = new HashMap<>(); // guarded by itself
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private CapsService(CapsQueries queries, int cacheCapacity) {
        this.queries = queries;
        this.verified = new VerifiedFeatures(cacheCapacity);
    }

    /**
     * A service that asks clients through {@code requests}, each query failing after {@code queryTimeout}, and keeps
     * up to {@code cacheCapacity} verified strings; it forgets a client when its session leaves {@code sessions}.
     */
    public static CapsService start(SessionRegistry sessions, PendingRequests requests, Duration queryTimeout,
                                    int cacheCapacity) {
        CapsService service = new CapsService(new CapsQueries(sessions, requests, queryTimeout),
                cacheCapacity);
        sessions.addListener(new SessionListener() {
            @Override
            public void unbound(ClientSession session) {
                service.forget(session.jid());
            }
        });
        return service;
    }

    /** {@code presence} with this service watching the presence clients send. */
    public PresenceHandling watching(PresenceHandling presence) {
        return new CapsPresenceWatch(this, presence);
    }

    @Override
    public Set<String> features(Jid fullJid) {
        Announced current = announced.get(fullJid);
        Set<String> features = current == null ? null : current.features.get();
        return features == null ? Set.of() : features;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Verification strings being asked of a client right now. */
    public int discoveriesUnderway() {
        synchronized (discoveries) {
            return discoveries.size();
        }
    }

    /** A bound client sent {@code presence} (on its own event loop, before it is processed). */
    void presenceSent(Jid from, Presence presence) {
        if (presence.to() != null) {
            return; // directed presence does not change what the client broadcasts
        }
        if (presence.type() == Presence.Type.UNAVAILABLE) {
            forget(from);
        } else if (presence.type() == Presence.Type.AVAILABLE) {
            // Caps optimisation (§8.4) is not offered, yet a presence without caps does not change the features.
            Caps.of(presence).ifPresent(caps -> announced(from, caps));
        }
    }

    private void announced(Jid jid, Caps caps) {
        Announced current = announced.get(jid);
        if (current != null && current.caps.equals(caps)) {
            return; // clients repeat their caps in every presence (§6.1)
        }
        boolean verifiable = VerificationString.supports(caps.hash());
        if (caps.legacy() || verifiable && !VerificationString.plausible(caps.hash(), caps.ver())) {
            forget(jid); // a legacy 'ver' cannot be checked (§13); one of the wrong length can never verify
            return;
        }
        Announced fresh = new Announced(caps);
        Announced replaced = announced.put(jid, fresh);
        if (replaced != null) {
            stopAsking(jid, replaced);
        }
        if (!verifiable) {
            ask(jid, fresh).thenAccept(answer -> CapsQueries.discoInfo(answer)
                    .ifPresent(query -> known(jid, fresh, VerificationString.features(query))));
            return;
        }
        Set<String> features = verified.get(caps.version());
        if (features != null) {
            known(jid, fresh, features);
        } else {
            discover(jid, caps.version());
        }
    }

    /** Asks {@code jid} about {@code version}, unless a query for it is underway already: then it waits its turn. */
    private void discover(Jid jid, Caps.Version version) {
        Discovery started;
        Set<String> features;
        synchronized (discoveries) {
            Discovery underway = discoveries.get(version);
            if (underway != null) {
                underway.announcers.add(jid);
                underway.untried.add(jid);
                return;
            }
            features = verified.get(version); // verified since this client's look-up
            started = features == null ? new Discovery(version, jid) : null;
            if (started != null) {
                discoveries.put(version, started);
            }
        }
        if (started == null) {
            Announced current = announced.get(jid);
            if (current != null && current.caps.version().equals(version)) {
                known(jid, current, features);
            }
        } else {
            askFor(started, jid);
        }
    }

    private void askFor(Discovery discovery, Jid jid) {
        Announced current = announced.get(jid);
        CompletableFuture<Iq> answer = current != null && current.caps.version().equals(discovery.version)
                ? ask(jid, current) : CompletableFuture.failedFuture(new IllegalStateException(jid + " went"));
        answer.whenComplete((reply, failure) -> answered(discovery, jid, reply, failure));
    }

    private void answered(Discovery discovery, Jid asked, Iq reply, Throwable failure) {
        Caps.Version version = discovery.version;
        Set<String> features = failure == null ? CapsQueries.discoInfo(reply)
                .filter(query -> VerificationString.of(query, version.hash()).filter(version.ver()::equals).isPresent())
                .map(VerificationString::features).orElse(null) : null;
        if (features != null) {
            verified.put(version, features);
            List<Jid> told;
            synchronized (discoveries) {
                discoveries.remove(version, discovery);
                told = new ArrayList<>(discovery.announcers);
            }
            told.forEach(jid -> {
                Announced current = announced.get(jid);
                if (current != null && current.caps.version().equals(version)) {
                    known(jid, current, features);
                }
            });
            return;
        }
        log.debug("caps {} of {} not verified ({})", version.ver(), asked, failure == null ? "mismatch" : failure);
        Jid next = null;
        synchronized (discoveries) {
            // §5.4 3.9: the string is not cached; another client announcing it may answer truthfully. When the node
            // has too many requests waiting, the next announcement starts over instead.
            while (next == null && !discovery.untried.isEmpty() && !(failure instanceof RejectedExecutionException)) {
                Jid candidate = discovery.untried.removeFirst();
                Announced current = announced.get(candidate);
                next = current != null && current.caps.version().equals(version) ? candidate : null;
            }
            if (next == null) {
                discoveries.remove(version, discovery);
            }
        }
        if (next != null) {
            askFor(discovery, next);
        }
    }

    /** Sends the caps query to {@code jid}, cancelled if the client goes before it answers. */
    private CompletableFuture<Iq> ask(Jid jid, Announced current) {
        CompletableFuture<Iq> answer = queries.ask(jid, current.caps);
        current.query = answer;
        if (announced.get(jid) != current) {
            answer.cancel(false); // it went while the query was being sent
        }
        return answer;
    }

    private void known(Jid jid, Announced current, Set<String> features) {
        if (!current.features.compareAndSet(null, features) || announced.get(jid) != current) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.featuresKnown(jid, features);
            } catch (RuntimeException e) {
                log.warn("caps listener {} failed for {}", listener, jid, e);
            }
        }
    }

    private void forget(Jid jid) {
        Announced gone = announced.remove(jid);
        if (gone != null) {
            stopAsking(jid, gone);
        }
    }

    private void stopAsking(Jid jid, Announced gone) {
        CompletableFuture<Iq> query = gone.query;
        if (query != null) {
            query.cancel(false);
        }
        synchronized (discoveries) {
            Discovery discovery = discoveries.get(gone.caps.version());
            if (discovery != null) {
                discovery.announcers.remove(jid);
                discovery.untried.remove(jid);
            }
        }
    }
}
