package dev.parley.server.pep;

import dev.parley.server.api.IqScope;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.XmppModule;
import dev.parley.server.config.Limits;

/**
 * Personal Eventing Protocol (XEP-0163): every account is a virtual pubsub service (XEP-0060) at its bare JID, on which
 * its owner publishes (OMEMO device lists and bundles, avatars, bookmarks, nickname, location, tune, mood) and from
 * which contacts get notifications filtered by their entity capabilities. Items are stored through the
 * {@link dev.parley.server.api.storage.PubSubStore}; private storage (XEP-0223) is a node with the whitelist access
 * model. Explicit subscriptions (XEP-0060 §6.1) and affiliation management are not offered: PEP subscriptions are
 * implicit in presence sharing.
 */
public final class PepModule implements XmppModule {
    /** The XEP-0060 features this service implements, advertised on accounts (XEP-0163 §4). */
    private static final String[] FEATURES = {
            PubSubXml.NS, PubSubXml.NS + "#access-open", PubSubXml.NS + "#access-presence",
            PubSubXml.NS + "#access-roster", PubSubXml.NS + "#access-whitelist", PubSubXml.NS + "#auto-create",
            PubSubXml.NS + "#auto-subscribe", PubSubXml.NS + "#config-node", PubSubXml.NS + "#create-and-configure",
            PubSubXml.NS + "#create-nodes", PubSubXml.NS + "#delete-items", PubSubXml.NS + "#delete-nodes",
            PubSubXml.NS + "#filtered-notifications", PubSubXml.NS + "#item-ids", PubSubXml.NS + "#last-published",
            PubSubXml.NS + "#persistent-items", PubSubXml.NS + "#publish", PubSubXml.NS + "#publish-options",
            PubSubXml.NS + "#purge-nodes", PubSubXml.NS + "#retract-items", PubSubXml.NS + "#retrieve-default",
            PubSubXml.NS + "#retrieve-items"};

    @Override
    public String name() {
        return "pep";
    }

    @Override
    public void start(ModuleContext context) {
        Limits limits = context.config().limits();
        PepNodes nodes = new PepNodes(context.storage().pubSub(), limits.pepItemBytes(), limits.pepMaxItems(),
                limits.pepNodes());
        PepAccess access = new PepAccess(context::presenceAuthorization, context.storage().roster());
        PepNotifier notifier = new PepNotifier(nodes.store(), context.storage().roster(), context.sessions(),
                context.entityCapabilities(), access, context.accounts()::isHosted, context::route,
                limits.pepMaxItems());
        PubSubHandler pubsub = new PubSubHandler(nodes, access, notifier);
        PubSubOwnerHandler owner = new PubSubOwnerHandler(nodes, notifier);
        context.iqHandler(IqScope.ACCOUNT, "pubsub", PubSubXml.NS, pubsub::handle, FEATURES);
        context.iqHandler(IqScope.ACCOUNT, "pubsub", PubSubXml.OWNER, owner::handle, PubSubXml.OWNER);
        context.accountDisco(new PepDisco(nodes, access));
        context.entityCapabilities().addListener(notifier);
    }
}
