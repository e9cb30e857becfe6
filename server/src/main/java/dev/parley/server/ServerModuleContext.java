package dev.parley.server;

import dev.parley.server.admin.AdminCommands;
import dev.parley.server.api.AccountDisco;
import dev.parley.server.api.DiscoNode;
import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.EntityCapabilities;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link ModuleContext} every module of one server gets. */
final class ServerModuleContext implements ModuleContext {
    private final ParleyConfig config;
    private final AccountService accounts;
    private final SessionRegistry sessions;
    private final StorageProvider storage;
    private final AdminCommands adminCommands;
    private final IqHandlers iqHandlers;
    private final StanzaRouter router;
    private final PendingRequests serverRequests;
    private final EntityCapabilities capabilities;
    private final Executor continuations;
    private final List<AccountDisco> accountDiscos = new CopyOnWriteArrayList<>();
    private final AtomicReference<PresenceAuthorization> presenceAuthorization =
            new AtomicReference<>(PresenceAuthorization.SELF_ONLY);

    /**
     * @param core          the node's store, accounts and admin commands
     * @param continuations where modules' work resumes after storage calls (the event loops)
     */
    ServerModuleContext(ParleyConfig config, ServerCore core, SessionRegistry sessions, IqHandlers iqHandlers,
                        StanzaRouter router, PendingRequests serverRequests, EntityCapabilities capabilities,
                        Executor continuations) {
        this.config = config;
        this.accounts = core.accounts();
        this.sessions = sessions;
        this.storage = core.storage();
        this.adminCommands = core.adminCommands();
        this.iqHandlers = iqHandlers;
        this.router = router;
        this.serverRequests = serverRequests;
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.continuations = Objects.requireNonNull(continuations, "continuations");
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
        return presenceAuthorization.get();
    }

    @Override
    public void presenceAuthorization(PresenceAuthorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        if (!presenceAuthorization.compareAndSet(PresenceAuthorization.SELF_ONLY, authorization)) {
            throw new IllegalStateException("a presence authorization is installed already");
        }
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
        accountDiscos.add(Objects.requireNonNull(disco, "disco"));
    }

    @Override
    public List<AccountDisco> accountDiscos() {
        return List.copyOf(accountDiscos);
    }

    @Override
    public void serviceDomain(ServiceDomain service, StanzaHandler handler) {
        if (accounts.isHosted(service.domain())) {
            throw new IllegalArgumentException(service.domain() + " is a hosted domain, not a service domain");
        }
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
