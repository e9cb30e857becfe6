package dev.parley.benchmarks;

import dev.parley.server.RoutingNode;
import dev.parley.server.ServerCore;
import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Parley node without listeners: the server's own {@link RoutingNode} (router, instant-messaging services, and the
 * modules the class path offers — multi-user chat from the extensions module) on a store. Clients are
 * {@link ClientSession}s bound in {@link #sessions} and send through {@link #send}, as a client stream does once it has
 * stamped 'from'. Continuations run on the thread that completes a stage (a store thread or the caller) instead of an
 * event loop, so that a measurement holds no thread hand-offs.
 */
final class BenchmarkNode implements AutoCloseable {
    static final String DOMAIN = "example.com";
    /** The lowest SCRAM iteration count the configuration allows: these accounts are created, never logged into. */
    private static final int SCRAM_ITERATIONS = 4096;

    final SessionRegistry sessions = new SessionRegistry();
    private final StoreDirectory directory;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ServerCore core;
    private final RoutingNode routing;

    private BenchmarkNode(StoreDirectory directory) throws ConfigException, IOException {
        this.directory = directory;
        ParleyConfig config = ConfigLoader.parse("domains: [" + DOMAIN + "]\ndata-dir: " + directory.path()
                + "\nauth:\n  scram-iterations: " + SCRAM_ITERATIONS + "\n", "benchmark node", directory.path());
        core = ServerCore.open(config, sessions);
        try {
            routing = RoutingNode.start(config, core, sessions, Runnable::run, timer);
        } catch (IOException | RuntimeException e) {
            core.close();
            throw e;
        }
    }

    /** A node whose store lives on tmpfs: fan-out writes nothing durable, and reads hit RocksDB's memtable. */
    static BenchmarkNode start() throws ConfigException, IOException {
        StoreDirectory directory = StoreDirectory.create("tmpfs");
        try {
            return new BenchmarkNode(directory);
        } catch (ConfigException | IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    void addAccount(Jid user) {
        await(core.accounts().create(user.bare(), "password-of-" + user.local()));
    }

    void bind(ClientSession session) {
        if (!sessions.bind(session, false).bound()) {
            throw new IllegalStateException(session.jid() + " is bound already");
        }
    }

    /** What a client stream does with a stanza its client sent; completes once it is delivered, stored or refused. */
    CompletionStage<Void> send(ClientSession from, Stanza stanza) {
        return routing.router().fromClient(from, stanza);
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a routing stage failed or took over 30 s", e);
        }
    }

    @Override
    public void close() {
        try (StoreDirectory ignored = directory) {
            timer.shutdownNow();
            core.close();
        }
    }
}
