package dev.parley.server;

import dev.parley.server.admin.AdminCommands;
import dev.parley.server.admin.http.AdminHttpServer;
import dev.parley.server.api.EntityCapabilities;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.auth.AccountService;
import dev.parley.server.caps.CapsService;
import dev.parley.server.config.Listener;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.stream.ClientStream;
import dev.parley.server.stream.ConnectionStream;
import dev.parley.server.stream.StreamTransport;
import dev.parley.server.stream.ServerServices;
import dev.parley.server.stream.SessionKeeper;
import dev.parley.server.stream.StreamSettings;
import dev.parley.server.tls.ServerTls;
import dev.parley.server.transport.ClientListener;
import dev.parley.server.transport.ConnectionLimiter;
import dev.parley.server.transport.EventLoops;
import dev.parley.xmpp.Namespaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One Parley node: wires storage, TLS, sessions, routing, modules and listeners from a {@link ParleyConfig}, and takes
 * them down in reverse order on {@link #close()}.
 */
public final class ParleyServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ParleyServer.class);

    private final ServerCore core;
    private final EventLoops loops;
    private final AccountService accounts;
    private final SessionRegistry sessions;
    private final AdminCommands adminCommands;
    private final CapsService capabilities;
    private final Map<String, ClientListener> listeners = new LinkedHashMap<>();
    private AdminHttpServer adminHttp;

    private ParleyServer(ParleyConfig config, ServerCore core, SessionRegistry sessions) throws Exception {
        this.core = core;
        this.accounts = core.accounts();
        this.sessions = sessions;
        this.adminCommands = core.adminCommands();
        int cores = Runtime.getRuntime().availableProcessors();
        this.loops = new EventLoops(cores);
        try {
            // Work after a storage call resumes on an event loop: never on the store's own threads.
            RoutingNode routing = RoutingNode.start(config, core, sessions, loops.workers(), loops.workers());
            this.capabilities = routing.capabilities();
            StanzaRouter router = routing.router();
            IqHandlers iqHandlers = routing.iqHandlers();

            ServerTls tls = ServerTls.create(config);
            StreamSettings settings = StreamSettings.from(config);
            SessionKeeper keeper = new SessionKeeper(config.streamManagement(), config.clientState(), sessions, router,
                    loops.workers(), Clock.systemUTC());
            ServerServices services = new ServerServices(accounts, sessions, router, iqHandlers, keeper);
            ConnectionLimiter limiter = new ConnectionLimiter(config.limits().connectionsPerIp(),
                    config.limits().maxConnections());
            Function<StreamTransport, ConnectionStream> clientStreams =
                    transport -> new ClientStream(transport, settings, services);
            BiFunction<Listener, Boolean, ClientListener> bindClients = (listener, directTls) -> ClientListener.bind(
                    loops, listener, directTls, tls, limiter, settings.unauthenticatedLimits(), Namespaces.CLIENT,
                    config.limits().outboundBytes(), clientStreams);
            if (config.listeners().c2s().enabled()) {
                listeners.put("c2s", bindClients.apply(config.listeners().c2s(), false));
            }
            if (config.listeners().c2sDirectTls().enabled()) {
                listeners.put("c2s-direct-tls", bindClients.apply(config.listeners().c2sDirectTls(), true));
            }
            if (config.listeners().admin().enabled()) {
                adminHttp = AdminHttpServer.start(loops, config.listeners().admin(), adminCommands, config.dataDir());
            }
        } catch (Exception e) {
            close();
            throw e;
        }
        log.info("Parley serving {} on {}", config.domains(), describeListeners());
    }

    /** Starts a node; the data directory is created on first start. */
    public static ParleyServer start(ParleyConfig config) throws Exception {
        SessionRegistry sessions = new SessionRegistry();
        ServerCore core = ServerCore.open(config, sessions);
        try {
            return new ParleyServer(config, core, sessions);
        } catch (Exception | Error e) {
            core.close();
            throw e;
        }
    }

    /**
     * The port a listener ({@code c2s}, {@code c2s-direct-tls}, {@code admin}) is bound to; useful when configured as 0.
     */
    public int boundPort(String listener) {
        if (listener.equals("admin") && adminHttp != null) {
            return adminHttp.port();
        }
        ClientListener bound = listeners.get(listener);
        if (bound == null) {
            throw new IllegalArgumentException("no listener " + listener + " is running");
        }
        return bound.port();
    }

    public AccountService accounts() {
        return accounts;
    }

    public AdminCommands adminCommands() {
        return adminCommands;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public StorageProvider storage() {
        return core.storage();
    }

    /** What the node knows of its clients' features (XEP-0115). */
    public CapsService entityCapabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        if (adminHttp != null) {
            adminHttp.close();
        }
        listeners.values().forEach(ClientListener::close);
        if (loops != null) {
            loops.close();
        }
        core.close();
        log.info("Parley stopped");
    }

    private String describeListeners() {
        StringBuilder sb = new StringBuilder();
        listeners.forEach((name, listener) -> sb.append(name).append(" :").append(listener.port()).append(' '));
        if (adminHttp != null) {
            sb.append("admin ").append(adminHttp.address());
        }
        return sb.toString().trim();
    }
}
