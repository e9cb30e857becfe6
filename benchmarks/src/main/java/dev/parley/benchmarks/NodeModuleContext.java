package dev.parley.benchmarks;

import dev.parley.server.admin.AdminCommands;
import dev.parley.server.api.AccountDisco;
import dev.parley.server.api.DiscoNode;
import dev.parley.server.api.EntityCapabilities;
import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.PresenceAuthorization;
import dev.parley.server.api.ServiceDomain;
import dev.parley.server.api.StanzaHandler;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.auth.AccountService;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.PendingRequests;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The {@link ModuleContext} a {@link RoutingNode} gives the modules it starts. The server's own context is internal to
 * the server module, so this one passes every call to the same public parts the server wires (router, IQ handlers,
 * pending requests, store) and nothing else: a module started here routes exactly as it does in a running server.
 */
final class NodeModuleContext implements ModuleContext {
    private final ParleyConfig config;
    private final AccountService accounts;
    private final SessionRegistry sessions;
    private final StorageProvider storage;
    private final IqHandlers iqHandlers;
    private final StanzaRouter router;
    private final PendingRequests serverRequests;
    private final EntityCapabilities capabilities;
    private final Executor continuations;
    private final AdminCommands adminCommands = new AdminCommands();
    private final List<AccountDisco> accountDiscos = new CopyOnWriteArrayList<>();
    private PresenceAuthorization presenceAuthorization = PresenceAuthorization.SELF_ONLY;

    NodeModuleContext(ParleyConfig config, AccountService accounts, SessionRegistry sessions, StorageProvider storage,
                      IqHandlers iqHandlers, StanzaRouter router, PendingRequests serverRequests,
                      EntityCapabilities capabilities, Executor continuations) {
        this.config = config;
        this.accounts = accounts;
        this.sessions = sessions;
        this.storage = storage;
        this.iqHandlers = iqHandlers;
        this.router = router;
        this.serverRequests = serverRequests;
        this.capabilities = capabilities;
        this.continuations = continuations;
    }

    @Override
    public ParleyConfig config() {
        return config;
    }

    @Override
    public AccountService accounts() {
        return accounts;
    }

    @Override
    public SessionRegistry sessions() {
        return sessions;
    }

    @Override
    public StorageProvider storage() {
        return storage;
    }

    @Override
    public Executor continuations() {
        return continuations;
    }

    @Override
    public PresenceAuthorization presenceAuthorization() {
        return presenceAuthorization;
    }

    @Override
    public void presenceAuthorization(PresenceAuthorization authorization) {
        if (presenceAuthorization != PresenceAuthorization.SELF_ONLY) {
            throw new IllegalStateException("a presence authorization is installed already");
        }
        presenceAuthorization = authorization;
    }

    @Override
    public AdminCommands adminCommands() {
        return adminCommands;
    }

    @Override
    public EntityCapabilities entityCapabilities() {
        return capabilities;
    }

    @Override
    public void iqHandler(IqScope scope, String element, String namespace, IqHandler handler, String... features) {
        iqHandlers.register(scope, element, namespace, handler, features);
    }

    @Override
    public void preAuthIqHandler(String element, String namespace, IqHandler handler, String... features) {
        iqHandlers.registerPreAuth(element, namespace, handler, features);
    }

    @Override
    public void feature(IqScope scope, String feature) {
        iqHandlers.addFeatures(scope, feature);
    }

    @Override
    public void preAuthStreamFeature(XmlElement feature) {
        iqHandlers.addPreAuthStreamFeature(feature);
    }

    @Override
    public List<String> features(IqScope scope) {
        return iqHandlers.features(scope);
    }

    @Override
    public void discoNode(String node, DiscoNode discoNode) {
        iqHandlers.addDiscoNode(node, discoNode);
    }

    @Override
    public Optional<DiscoNode> discoNode(String node) {
        return iqHandlers.discoNode(node);
    }

    @Override
    public void accountDisco(AccountDisco disco) {
        accountDiscos.add(disco);
    }

    @Override
    public List<AccountDisco> accountDiscos() {
        return List.copyOf(accountDiscos);
    }

    @Override
    public void serviceDomain(ServiceDomain service, StanzaHandler handler) {
        router.hostedServices().register(service, handler);
    }

    @Override
    public List<ServiceDomain> serviceDomains() {
        return router.hostedServices().services();
    }

    @Override
    public CompletionStage<Void> route(Stanza stanza) {
        return router.route(stanza);
    }

    @Override
    public CompletionStage<Iq> request(Iq request) {
        return serverRequests.request(request, PendingRequests.DEFAULT_TIMEOUT, router::route);
    }
}
