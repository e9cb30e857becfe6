package dev.parley.server;

import dev.parley.server.api.XmppModule;
import dev.parley.server.archive.MessageArchive;
import dev.parley.server.blocking.Blocking;
import dev.parley.server.caps.CapsService;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.roster.InstantMessaging;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.PendingRequests;
import dev.parley.server.routing.RoutingServices;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything of a node between its store and its sockets: the router with the instant-messaging services (roster,
 * presence, offline storage, carbons, blocking, archive, entity capabilities) and the modules the class path offers,
 * started on it. {@link ParleyServer} serves it over its listeners; a benchmark drives it without any.
 */
public final class RoutingNode {
    private static final Logger log = LoggerFactory.getLogger(RoutingNode.class);

    private final StanzaRouter router;
    private final IqHandlers iqHandlers;
    private final CapsService capabilities;
    private final PendingRequests serverRequests;

    private RoutingNode(StanzaRouter router, IqHandlers iqHandlers, CapsService capabilities,
                        PendingRequests serverRequests) {
        this.router = router;
        this.iqHandlers = iqHandlers;
        this.capabilities = capabilities;
        this.serverRequests = serverRequests;
    }

    /**
     * @param continuations where work resumes after a storage call completes (the event loops; never a store thread)
     * @param timer         runs the timeouts of the server's own requests (XEP-0115 queries)
     * @throws IOException when the archive's id key in the data directory cannot be read or created
     */
    public static RoutingNode start(ParleyConfig config, ServerCore core, SessionRegistry sessions,
                                    Executor continuations, ScheduledExecutorService timer) throws IOException {
        IqHandlers iqHandlers = new IqHandlers();
        InstantMessaging im = InstantMessaging.create(core.storage(), sessions, config.limits(), Clock.systemUTC(),
                continuations);
        PendingRequests serverRequests = new PendingRequests(timer, PendingRequests.DEFAULT_LIMIT);
        CapsService capabilities = CapsService.start(sessions, serverRequests, CapsService.QUERY_TIMEOUT,
                CapsService.CACHE_CAPACITY);
        Blocking blocking = Blocking.create(core.storage(), sessions, core.accounts()::isHosted,
                config.limits().blockListItems(), continuations);
        MessageArchive archive = MessageArchive.create(core.storage(), core.accounts(), config.archive(),
                config.dataDir(), Clock.systemUTC(), continuations);
        StanzaRouter router = new StanzaRouter(sessions, iqHandlers, core.accounts(), new RoutingServices(
                capabilities.watching(im.presence()), im.offline(), blocking.filter(), archive, serverRequests),
                continuations);
        im.registerRosterHandler(iqHandlers, router);
        blocking.registerHandler(iqHandlers, router);
        archive.registerHandlers(iqHandlers, sessions);
        ServerModuleContext context = new ServerModuleContext(config, core, sessions, iqHandlers, router,
                serverRequests, capabilities, continuations);
        context.presenceAuthorization(im.presenceAuthorization());
        startModules(context);
        return new RoutingNode(router, iqHandlers, capabilities, serverRequests);
    }

    public StanzaRouter router() {
        return router;
    }

    public IqHandlers iqHandlers() {
        return iqHandlers;
    }

    /** What the server knows of bound clients' features (XEP-0115). */
    public CapsService capabilities() {
        return capabilities;
    }

    /** The IQ requests the server itself sends to clients, which their results and errors complete. */
    public PendingRequests serverRequests() {
        return serverRequests;
    }

    private static void startModules(ServerModuleContext context) {
        List<String> started = new ArrayList<>();
        for (XmppModule module : ServiceLoader.load(XmppModule.class)) {
            module.start(context);
            started.add(module.name());
        }
        log.info("Modules: {}", started);
    }
}
