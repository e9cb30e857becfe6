package dev.parley.server.pep;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubNode;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The subscriber use cases of XEP-0060 on an account's PEP nodes: subscribe (§6.1) and unsubscribe (§6.2) with one
 * subscription per JID (no SubIDs), and an entity's own subscriptions (§5.6) and affiliations (§5.7). A subscriber
 * may only subscribe or unsubscribe JIDs with its own bare JID. Subscription options (§6.3) are not supported, which
 * the specification allows ("An implementation MAY allow subscribers to configure subscription options").
 */
final class PubSubSubscriber {
    static final String SUBSCRIBED = "subscribed";

    private final PepNodes nodes;
    private final PepAccess access;
    private final PepNotifier notifier;

    PubSubSubscriber(PepNodes nodes, PepAccess access, PepNotifier notifier) {
        this.nodes = nodes;
        this.access = access;
        this.notifier = notifier;
    }

    /** §6.1: the requester's access is checked as for retrieval; an outcast is {@code forbidden}. */
    CompletionStage<IqReply> subscribe(IqRequest request, XmlElement subscribe, XmlElement pubsub) {
        if (pubsub.child("options", PubSubXml.NS).isPresent()) {
            return PubSubXml.unsupported("subscription-options");
        }
        String node = subscribe.attribute("node");
        if (node == null) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "nodeid-required");
        }
        Optional<Jid> jid = Jid.tryParse(subscribe.attribute("jid"));
        if (jid.isEmpty() || !jid.get().bare().equals(request.requester().bare())) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "invalid-jid");
        }
        if (!PubSubStore.validName(node)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        Jid owner = request.target();
        Jid subscriber = jid.get();
        return nodes.existing(owner, node, config -> access.check(request.requester(), owner, node, config)
                .thenCompose(refused -> refused.isPresent() ? IqReply.now(new IqReply.Error(refused.get()))
                        : nodes.store().subscribe(AccountId.of(owner), node, subscriber, nodes.maxSubscriptions())
                        .thenApplyAsync(change -> switch (change) {
                            case DONE -> new IqReply.Result(PubSubXml.pubsub(PubSubXml.NS,
                                    subscription(node, subscriber, SUBSCRIBED)),
                                    () -> notifier.subscribed(owner, node, config, subscriber));
                            case NO_SUCH_NODE -> IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND);
                            case OUTCAST -> IqReply.error(StanzaErrorCondition.FORBIDDEN);
                            case TOO_MANY -> new IqReply.Error(PubSubXml.error(StanzaErrorCondition.POLICY_VIOLATION,
                                    "too-many-subscriptions"));
                        }, nodes.continuations())));
    }

    /** §6.2: unsubscribing another entity's JID is {@code forbidden}; no subscription is {@code not-subscribed}. */
    CompletionStage<IqReply> unsubscribe(IqRequest request, XmlElement unsubscribe) {
        String node = unsubscribe.attribute("node");
        if (node == null) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "nodeid-required");
        }
        Optional<Jid> jid = Jid.tryParse(unsubscribe.attribute("jid"));
        if (jid.isEmpty()) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "invalid-jid");
        }
        if (!jid.get().bare().equals(request.requester().bare())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN));
        }
        if (!PubSubStore.validName(node)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        Jid owner = request.target();
        return nodes.existing(owner, node, config -> nodes.store().unsubscribe(AccountId.of(owner), node, jid.get())
                .thenApplyAsync(removed -> removed ? IqReply.empty() : new IqReply.Error(PubSubXml.error(
                        StanzaErrorCondition.UNEXPECTED_REQUEST, "not-subscribed")), nodes.continuations()));
    }

    /** §5.6: every subscription of the requester's bare JID, optionally of one node only. */
    CompletionStage<IqReply> subscriptions(IqRequest request, XmlElement subscriptions) {
        String filter = subscriptions.attribute("node");
        return nodes.store().subscriptions(AccountId.of(request.target()), request.requester().bare())
                .thenApplyAsync(found -> {
                    XmlElement.Builder list = XmlElement.builder("subscriptions", PubSubXml.NS)
                            .attribute("node", filter);
                    found.forEach((node, jids) -> {
                        if (filter == null || filter.equals(node)) {
                            jids.forEach(jid -> list.child(subscription(node, jid, SUBSCRIBED)));
                        }
                    });
                    return IqReply.result(PubSubXml.pubsub(PubSubXml.NS, list.build()));
                }, nodes.continuations());
    }

    /** §5.7: the requester's affiliations; the account itself owns all of its nodes. */
    CompletionStage<IqReply> affiliations(IqRequest request, XmlElement affiliations) {
        String filter = affiliations.attribute("node");
        AccountId account = AccountId.of(request.target());
        CompletionStage<Map<String, String>> found = request.requester().bare().equals(request.target())
                ? nodes.store().nodes(account).thenApplyAsync(owned -> owned.stream().collect(Collectors.toMap(
                PubSubNode::name, node -> "owner", (a, b) -> a, TreeMap::new)), nodes.continuations())
                : nodes.store().affiliationsOf(account, request.requester().bare()).thenApplyAsync(stored -> {
                    Map<String, String> names = new TreeMap<>();
                    stored.forEach((node, affiliation) -> names.put(node, wireName(affiliation)));
                    return names;
                }, nodes.continuations());
        return found.thenApply(byNode -> {
            XmlElement.Builder list = XmlElement.builder("affiliations", PubSubXml.NS);
            byNode.forEach((node, affiliation) -> {
                if (filter == null || filter.equals(node)) {
                    list.child(XmlElement.builder("affiliation", PubSubXml.NS).attribute("node", node)
                            .attribute("affiliation", affiliation).build());
                }
            });
            return IqReply.result(PubSubXml.pubsub(PubSubXml.NS, list.build()));
        });
    }

    static XmlElement subscription(String node, Jid jid, String state) {
        return XmlElement.builder("subscription", PubSubXml.NS).attribute("node", node)
                .attribute("jid", jid.toString()).attribute("subscription", state).build();
    }

    /** An affiliation's wire name (XEP-0060 §4.1). */
    static String wireName(PubSubStore.Affiliation affiliation) {
        return affiliation.name().toLowerCase(Locale.ROOT);
    }
}
