package dev.parley.server.api;

import dev.parley.server.admin.AdminCommands;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.auth.AccountService;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.SessionRegistry;

/** What a module may use and register. */
public interface ModuleContext {
    ParleyConfig config();

    AccountService accounts();

    SessionRegistry sessions();

    /** The node's store; handlers continue after its stages on {@link #continuations()}. */
    StorageProvider storage();

    /**
     * Where a module's work resumes after a storage or cluster call completes (the event loops): the store's own threads
     * only hand results over. Work run here must not block.
     */
    java.util.concurrent.Executor continuations();

    /** Who may see an account's presence; asked at each use, as the roster module installs its own. */
    PresenceAuthorization presenceAuthorization();

    /**
     * Replaces {@link PresenceAuthorization#SELF_ONLY}. One module (the roster) owns this decision: installing a second
     * one is a programming error.
     */
    void presenceAuthorization(PresenceAuthorization authorization);

    AdminCommands adminCommands();

    /** Bound clients' advertised features (XEP-0115). */
    EntityCapabilities entityCapabilities();

    /**
     * Answers IQs with this payload (element name + namespace) at this scope, and advertises {@code features} in the
     * scope's disco#info. Registering the same payload twice at one scope is a programming error.
     */
    void iqHandler(IqScope scope, String element, String namespace, IqHandler handler, String... features);

    /** Like {@link #iqHandler} but also reachable before authentication (XEP-0077 registration); server scope only. */
    void preAuthIqHandler(String element, String namespace, IqHandler handler, String... features);

    /** Advertises a feature without a handler of its own (a stream feature, a protocol handled elsewhere). */
    void feature(IqScope scope, String feature);

    /** A stream feature offered after TLS and before authentication, such as XEP-0077's {@code <register/>}. */
    void preAuthStreamFeature(dev.parley.xmpp.xml.XmlElement feature);

    /** The disco features registered so far at a scope (what the disco module advertises). */
    java.util.List<String> features(IqScope scope);

    /** Answers disco#info and disco#items on {@code node} of the server; node names are unique. */
    void discoNode(String node, DiscoNode discoNode);

    /** The registered server nodes. */
    java.util.Optional<DiscoNode> discoNode(String node);

    /** Adds identities, items and nodes to disco on accounts' bare JIDs. */
    void accountDisco(AccountDisco disco);

    /** The registered account disco contributions, in registration order. */
    java.util.List<AccountDisco> accountDiscos();

    /**
     * Makes this module the handler of every stanza addressed to {@code service}'s domain or any JID at it (rooms of a
     * XEP-0045 service, say), and lists the service in the server's disco#items (XEP-0030 §4.3).
     *
     * @throws IllegalArgumentException when the domain is one of the hosted domains, whose addresses are accounts
     * @throws IllegalStateException    when another service is registered at that domain
     */
    void serviceDomain(ServiceDomain service, StanzaHandler handler);

    /** The registered service domains. */
    java.util.List<ServiceDomain> serviceDomains();

    /** Routes a stanza the module generated (its 'from' must be set) as if it had arrived from that sender. */
    java.util.concurrent.CompletionStage<Void> route(dev.parley.xmpp.stanza.Stanza stanza);

    /**
     * Sends an IQ get or set on behalf of the server (its 'from' a hosted domain, its 'to' set; its 'id' is replaced
     * by an unpredictable one) and completes with the reply from the addressee, a result or an error (RFC 6120
     * §8.2.3). Fails with {@link java.util.concurrent.TimeoutException} when no reply comes within
     * {@link dev.parley.server.routing.PendingRequests#DEFAULT_TIMEOUT}, and with
     * {@link java.util.concurrent.RejectedExecutionException} when too many of the node's requests wait already. The
     * reply completes the stage on the thread that routed it: continuations must not block.
     *
     * @throws IllegalArgumentException when {@code request} is not such an IQ
     */
    java.util.concurrent.CompletionStage<dev.parley.xmpp.stanza.Iq> request(dev.parley.xmpp.stanza.Iq request);
}
