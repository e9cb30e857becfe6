package dev.parley.server.pep;

import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.server.config.Limits;

import java.util.concurrent.Executor;

/**
 * Personal Eventing Protocol (XEP-0163): every account is a virtual pubsub service (XEP-0060) at its bare JID, on which
 * its owner publishes (OMEMO device lists and bundles, avatars, bookmarks, nickname, location, tune, mood) and from
 * which contacts get notifications filtered by their entity capabilities. Items are stored through the
 * {@link dev.parley.server.api.storage.PubSubStore}; private storage (XEP-0223) is a node with the whitelist access
 * model (owner and members). Besides the implicit subscriptions of presence sharing, entities may subscribe
 * explicitly (XEP-0060 §6.1), and owners manage subscriptions and member/outcast affiliations (§8.8, §8.9).
 */
public final class PepModule implements XmppModule {
    /** The XEP-0060 features this service implements, advertised on accounts (XEP-0163 §4). */
    private static final String[] FEATURES = {
            PubSubXml.NS, PubSubXml.NS + "#access-open", PubSubXml.NS + "#access-presence",
            PubSubXml.NS + "#access-roster", PubSubXml.NS + "#access-whitelist", PubSubXml.NS + "#auto-create",
            PubSubXml.NS + "#auto-subscribe", PubSubXml.NS + "#config-node", PubSubXml.NS + "#create-and-configure",
            PubSubXml.NS + "#create-nodes", PubSubXml.NS + "#delete-items", PubSubXml.NS + "#delete-nodes",
            PubSubXml.NS + "#filtered-notifications", PubSubXml.NS + "#item-ids", PubSubXml.NS + "#last-published",
            PubSubXml.NS + "#manage-subscriptions", PubSubXml.NS + "#member-affiliation",
            PubSubXml.NS + "#modify-affiliations", PubSubXml.NS + "#outcast-affiliation",
            PubSubXml.NS + "#persistent-items", PubSubXml.NS + "#publish", PubSubXml.NS + "#publish-options",
            PubSubXml.NS + "#purge-nodes", PubSubXml.NS + "#retract-items", PubSubXml.NS + "#retrieve-affiliations",
            PubSubXml.NS + "#retrieve-default", PubSubXml.NS + "#retrieve-items",
            PubSubXml.NS + "#retrieve-subscriptions", PubSubXml.NS + "#subscribe",
            PubSubXml.NS + "#subscription-notifications"};
    /** Most explicit subscriptions of one node; not configurable yet. */
    static final int MAX_SUBSCRIPTIONS = 1000;
    /** Most member and outcast affiliations of one node; not configurable yet. */
    static final int MAX_AFFILIATIONS = 1000;

    @Override
    public String name() {
        return "pep";
    }

    @Override
    public void start(ModuleContext context) {
        Limits limits = context.config().limits();
        Executor continuations = context.continuations();
        PepNodes nodes = new PepNodes(context.storage().pubSub(), limits.pepItemBytes(), limits.pepMaxItems(),
                limits.pepNodes(), MAX_SUBSCRIPTIONS, MAX_AFFILIATIONS, continuations);
        PepAccess access = new PepAccess(context::presenceAuthorization, context.storage().roster(), nodes.store(),
                continuations);
        PepNotifier notifier = new PepNotifier(nodes.store(), context.storage().roster(), context.sessions(),
                context.entityCapabilities(), access, context.accounts()::isHosted, context::route,
                limits.pepMaxItems(), continuations);
        NodeOrder order = new NodeOrder(continuations);
        PubSubHandler pubsub = new PubSubHandler(nodes, access, notifier, order);
        PubSubOwnerHandler owner = new PubSubOwnerHandler(nodes, notifier, order);
        context.iqHandler(IqScope.ACCOUNT, "pubsub", PubSubXml.NS, pubsub::handle, FEATURES);
        context.iqHandler(IqScope.ACCOUNT, "pubsub", PubSubXml.OWNER, owner::handle, PubSubXml.OWNER);
        context.accountDisco(new PepDisco(nodes, access));
        context.entityCapabilities().addListener(notifier);
    }
}
