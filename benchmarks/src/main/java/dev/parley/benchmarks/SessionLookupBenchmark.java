package dev.parley.benchmarks;

import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionPresence;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing's directory lookups on a {@link SessionRegistry} holding {@link #ACCOUNTS} accounts with
 * {@link #RESOURCES} bound resources each, in a random order over all of them: an account's sessions by bare JID
 * (messages to a bare JID) and one session by full JID. The baseline is one {@link ConcurrentHashMap#get} keyed by
 * the same full JIDs, the least a hash directory can cost.
 *
 * <p>The lookup JIDs are parsed in setup, separately from the registered ones (so equality compares strings, not
 * identities); {@code Jid.bare()} is cached by each lookup JID after its first use, so JID parsing and the bare
 * derivation are not part of these scores ({@link JidParseBenchmark} measures parsing).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class SessionLookupBenchmark {
    static final int ACCOUNTS = 10_000;
    static final int RESOURCES = 2;
    /** Lookups in one random sequence; a power of two so the cursor wraps with a mask. */
    private static final int SEQUENCE = 1 << 16;

    private final SessionRegistry registry = new SessionRegistry();
    private final ConcurrentHashMap<Jid, ClientSession> flat = new ConcurrentHashMap<>();
    private Jid[] bareLookups;
    private Jid[] fullLookups;
    private int cursor;

    @Setup
    public void setUp() {
        for (int account = 0; account < ACCOUNTS; account++) {
            for (int resource = 0; resource < RESOURCES; resource++) {
                RegisteredSession session = new RegisteredSession(Jid.parse(fullJid(account, resource)));
                if (!registry.bind(session, false).bound()) {
                    throw new IllegalStateException("could not bind " + session.jid());
                }
                flat.put(session.jid(), session);
            }
        }
        Random random = new Random(42);
        bareLookups = new Jid[SEQUENCE];
        fullLookups = new Jid[SEQUENCE];
        for (int i = 0; i < SEQUENCE; i++) {
            int account = random.nextInt(ACCOUNTS);
            fullLookups[i] = Jid.parse(fullJid(account, random.nextInt(RESOURCES)));
            bareLookups[i] = fullLookups[i].bare();
        }
    }

    @Benchmark
    public List<ClientSession> sessionsOfAccount() {
        List<ClientSession> sessions = registry.sessions(bareLookups[next()]);
        if (sessions.size() != RESOURCES) {
            throw new IllegalStateException("an account lost its sessions");
        }
        return sessions;
    }

    @Benchmark
    public Optional<ClientSession> sessionByFullJid() {
        Optional<ClientSession> session = registry.session(fullLookups[next()]);
        if (session.isEmpty()) {
            throw new IllegalStateException("a bound session was not found");
        }
        return session;
    }

    /** Baseline: one hash lookup with the same keys in the same order. */
    @Benchmark
    public ClientSession concurrentHashMapGet() {
        return flat.get(fullLookups[next()]);
    }

    private int next() {
        return cursor++ & (SEQUENCE - 1);
    }

    private static String fullJid(int account, int resource) {
        return "user" + account + "@example.com/device-" + resource;
    }

    /** A bound session as the directory sees it; delivery is not part of a lookup. */
    private record RegisteredSession(Jid jid, SessionPresence presence) implements ClientSession {
        RegisteredSession(Jid jid) {
            this(jid, new SessionPresence());
        }

        @Override
        public void deliver(Stanza stanza) {
            throw new UnsupportedOperationException("lookups only");
        }

        @Override
        public void holdMessages() {
            throw new UnsupportedOperationException("lookups only");
        }

        @Override
        public void deliverStored(Stanza stanza) {
            throw new UnsupportedOperationException("lookups only");
        }

        @Override
        public void releaseMessages() {
            throw new UnsupportedOperationException("lookups only");
        }

        @Override
        public void terminate(StreamErrorCondition condition, String text) {
            throw new UnsupportedOperationException("lookups only");
        }
    }
}
