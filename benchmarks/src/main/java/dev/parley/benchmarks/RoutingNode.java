package dev.parley.benchmarks;

import dev.parley.server.api.XmppModule;
import dev.parley.server.archive.MessageArchive;
import dev.parley.server.auth.AccountService;
import dev.parley.server.blocking.Blocking;
import dev.parley.server.caps.CapsService;
import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.roster.InstantMessaging;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.PendingRequests;
import dev.parley.server.routing.RoutingServices;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.storage.rocksdb.RocksDbStorageProvider;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Parley node without listeners: the store, accounts, the router with roster, presence, offline, blocking, archive
 * and entity capabilities wired as {@code ParleyServer} wires them, and the modules the class path offers (multi-user
 * chat, from the extensions module) started on it. Clients are {@link ClientSession}s bound in {@link #sessions} and
 * send through {@link #send}, as a client stream does once it has stamped 'from'. Continuations run on the thread that
 * completes a stage (a store thread or the caller) instead of an event loop.
 */
final class RoutingNode implements AutoCloseable {
    static final String DOMAIN = "example.com";
    /** The lowest SCRAM iteration count the configuration allows: these accounts are created, never logged into. */
    private static final int SCRAM_ITERATIONS = 4096;

    final SessionRegistry sessions = new SessionRegistry();
    private final StoreDirectory directory;
    private final RocksDbStorageProvider storage;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AccountService accounts;
    private final StanzaRouter router;

    private RoutingNode(StoreDirectory directory) throws ConfigException, IOException {
        this.directory = directory;
        Executor continuations = Runnable::run;
        ParleyConfig config = ConfigLoader.parse("domains: [" + DOMAIN + "]\n", "routing node", directory.path());
        storage = RocksDbStorageProvider.open(directory.path().resolve("store"));
        accounts = new AccountService(storage.accounts(),
                List.of(storage.keyValues(), storage.roster(), storage.offline(), storage.archive()), Set.of(DOMAIN),
                SCRAM_ITERATIONS, continuations, Clock.systemUTC());
        IqHandlers iqHandlers = new IqHandlers();
        InstantMessaging im = InstantMessaging.create(storage, sessions, config.limits(), Clock.systemUTC(),
                continuations);
        PendingRequests serverRequests = new PendingRequests(timer, PendingRequests.DEFAULT_LIMIT);
        CapsService capabilities = CapsService.start(sessions, serverRequests, CapsService.QUERY_TIMEOUT,
                CapsService.CACHE_CAPACITY);
        Blocking blocking = Blocking.create(storage, sessions, accounts::isHosted, config.limits().blockListItems(),
                continuations);
        MessageArchive archive = MessageArchive.create(storage, accounts, config.archive(), directory.path(),
                Clock.systemUTC(), continuations);
        router = new StanzaRouter(sessions, iqHandlers, accounts, new RoutingServices(
                capabilities.watching(im.presence()), im.offline(), blocking.filter(), archive, serverRequests),
                continuations);
        im.registerRosterHandler(iqHandlers, router);
        blocking.registerHandler(iqHandlers, router);
        archive.registerHandlers(iqHandlers, sessions);
        NodeModuleContext context = new NodeModuleContext(config, accounts, sessions, storage, iqHandlers, router,
                serverRequests, capabilities, continuations);
        context.presenceAuthorization(im.presenceAuthorization());
        ServiceLoader.load(XmppModule.class).forEach(module -> module.start(context));
    }

    /** A node whose store lives on tmpfs: fan-out writes nothing durable, and reads hit RocksDB's memtable. */
    static RoutingNode start() throws ConfigException, IOException {
        StoreDirectory directory = StoreDirectory.create("tmpfs");
        try {
            return new RoutingNode(directory);
        } catch (ConfigException | IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    void addAccount(Jid user) {
        await(accounts.create(user.bare(), "password-of-" + user.local()));
    }

    void bind(ClientSession session) {
        if (!sessions.bind(session, false).bound()) {
            throw new IllegalStateException(session.jid() + " is bound already");
        }
    }

    /** What a client stream does with a stanza its client sent; completes once it is delivered, stored or refused. */
    CompletionStage<Void> send(ClientSession from, Stanza stanza) {
        return router.fromClient(from, stanza);
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
            storage.close();
        }
    }
}
