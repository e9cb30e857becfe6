package dev.parley.server.pep;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubItem;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The publisher and subscriber use cases of XEP-0060 that PEP (XEP-0163) needs, on the account's bare JID: publish
 * with auto-create and publish-options (§7.1), retract (§7.2), create with configuration (§8.1), item retrieval
 * (§6.5), and through {@link PubSubSubscriber} subscribe, unsubscribe and an entity's subscriptions and affiliations.
 * Only the owner publishes, retracts and creates; retrieval follows the node's access model. A publish checks its
 * preconditions and writes in one {@link NodeOrder} step, so two publishes to a node cannot interleave between them.
 */
final class PubSubHandler {
    private final PepNodes nodes;
    private final PepAccess access;
    private final PepNotifier notifier;
    private final PubSubSubscriber subscriber;
    private final NodeOrder order;

    PubSubHandler(PepNodes nodes, PepAccess access, PepNotifier notifier, NodeOrder order) {
        this.nodes = nodes;
        this.access = access;
        this.notifier = notifier;
        this.subscriber = new PubSubSubscriber(nodes, access, notifier);
        this.order = order;
    }

    CompletionStage<IqReply> handle(IqRequest request) {
        XmlElement pubsub = request.iq().payload();
        Optional<XmlElement> action = pubsub.elements().filter(e -> !e.name().equals("publish-options")
                && !e.name().equals("configure")).findFirst();
        if (action.isEmpty() || !action.get().namespace().equals(PubSubXml.NS)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "No pubsub action"));
        }
        XmlElement element = action.get();
        boolean set = request.iq().type() == Iq.Type.SET;
        return switch (element.name()) {
            case "publish" -> set ? owner(request, () -> publish(request, element, pubsub)) : wrongType();
            case "retract" -> set ? owner(request, () -> retract(request.target(), element)) : wrongType();
            case "create" -> set ? owner(request, () -> create(request.target(), element, pubsub)) : wrongType();
            case "items" -> set ? wrongType() : items(request, element);
            case "subscribe" -> set ? subscriber.subscribe(request, element, pubsub) : wrongType();
            case "unsubscribe" -> set ? subscriber.unsubscribe(request, element) : wrongType();
            case "options" -> PubSubXml.unsupported("subscription-options");
            case "subscriptions" -> set ? wrongType() : subscriber.subscriptions(request, element);
            case "affiliations" -> set ? wrongType() : subscriber.affiliations(request, element);
            default -> IqReply.now(IqReply.error(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));
        };
    }

    /** Runs {@code action} for the owner; anyone else gets {@code forbidden} (XEP-0060 §7.1.3.1). */
    static CompletionStage<IqReply> owner(IqRequest request, Supplier<CompletionStage<IqReply>> action) {
        return request.requester().bare().equals(request.target()) ? action.get()
                : IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN,
                "Only the owner may change a personal eventing node"));
    }

    private CompletionStage<IqReply> publish(IqRequest request, XmlElement publish, XmlElement pubsub) {
        String node = publish.attribute("node");
        if (node == null) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "nodeid-required");
        }
        List<XmlElement> items = publish.elements("item", PubSubXml.NS).toList();
        if (!PubSubStore.validName(node) || items.size() != 1) {
            return items.isEmpty() ? PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "item-required")
                    : IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Publish one item to a valid node"));
        }
        XmlElement item = items.getFirst();
        List<XmlElement> payloads = item.elements().toList();
        if (payloads.size() != 1) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "invalid-payload");
        }
        String id = item.attribute("id") != null ? item.attribute("id") : UUID.randomUUID().toString();
        if (!PubSubStore.validName(id)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Invalid item id"));
        }
        if (XmlCodec.encode(payloads.getFirst()).length > nodes.itemBytes()) {
            return PubSubXml.fail(StanzaErrorCondition.NOT_ACCEPTABLE, "payload-too-big",
                    "An item may hold at most " + nodes.itemBytes() + " bytes");
        }
        Optional<Map<String, List<String>>> preconditions =
                PublishOptions.preconditions(pubsub.child("publish-options", PubSubXml.NS).orElse(null));
        if (preconditions.isEmpty()) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST,
                    "publish-options needs a submitted form of type " + PublishOptions.FORM_TYPE));
        }
        Jid owner = request.target();
        PubSubItem published = new PubSubItem(id, request.requester(), payloads.getFirst());
        return order.run(owner, node, () -> nodes.config(owner, node).thenCompose(existing ->
                switch (PublishOptions.decide(existing, preconditions.get(), nodes.maxItemsLimit())) {
                    case PublishOptions.Decision.BadRequest bad ->
                            IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, bad.reason()));
                    case PublishOptions.Decision.NotMet notMet ->
                            PubSubXml.fail(StanzaErrorCondition.CONFLICT, "precondition-not-met", notMet.reason());
                    case PublishOptions.Decision.Publish decided -> {
                        NodeConfig config = existing.orElse(decided.config());
                        yield nodes.store().publish(AccountId.of(owner), config.toNode(node), published,
                                config.storedItems(), nodes.maxNodes()).thenApplyAsync(outcome -> {
                            if (outcome == PubSubStore.Outcome.TOO_MANY_NODES) {
                                return nodes.tooManyNodes();
                            }
                            notifier.published(owner, node, config, published);
                            return IqReply.result(PubSubXml.pubsub(PubSubXml.NS, XmlElement.builder("publish",
                                    PubSubXml.NS).attribute("node", node).child(XmlElement.builder("item",
                                    PubSubXml.NS).attribute("id", id).build()).build()));
                        }, nodes.continuations());
                    }
                }));
    }

    private CompletionStage<IqReply> retract(Jid owner, XmlElement retract) {
        String node = retract.attribute("node");
        List<String> ids = retract.elements("item", PubSubXml.NS).map(item -> item.attribute("id")).toList();
        if (node == null) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "nodeid-required");
        }
        if (ids.size() != 1 || !PubSubStore.validName(ids.getFirst())) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "item-required");
        }
        boolean notify = "true".equals(retract.attribute("notify")) || "1".equals(retract.attribute("notify"));
        return nodes.existing(owner, node, config -> nodes.store().retract(AccountId.of(owner), node, ids.getFirst())
                .thenApplyAsync(removed -> {
                    if (!removed) {
                        return IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND);
                    }
                    if (notify || config.notifyRetract()) {
                        notifier.retracted(owner, node, config, ids.getFirst());
                    }
                    return IqReply.empty();
                }, nodes.continuations()));
    }

    private CompletionStage<IqReply> create(Jid owner, XmlElement create, XmlElement pubsub) {
        String node = create.attribute("node");
        if (node == null) {
            return PubSubXml.fail(StanzaErrorCondition.NOT_ACCEPTABLE, "nodeid-required");
        }
        if (!PubSubStore.validName(node)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Invalid node name"));
        }
        Map<String, List<String>> submitted = pubsub.child("configure", PubSubXml.NS).flatMap(DataForm::findIn)
                .map(DataForm::values).orElse(Map.of());
        Optional<NodeConfig> config = ConfigForm.apply(NodeConfig.defaults(), submitted, nodes.maxItemsLimit());
        if (config.isEmpty()) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE, "Unsupported node configuration"));
        }
        return order.run(owner, node, () -> nodes.store().createNode(AccountId.of(owner), config.get().toNode(node),
                nodes.maxNodes()).thenApplyAsync(outcome -> switch (outcome) {
                    case DONE -> IqReply.empty();
                    case EXISTS -> IqReply.error(StanzaErrorCondition.CONFLICT, "The node exists");
                    case TOO_MANY_NODES -> nodes.tooManyNodes();
                }, nodes.continuations()));
    }

    private CompletionStage<IqReply> items(IqRequest request, XmlElement items) {
        String node = items.attribute("node");
        if (node == null) {
            return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "nodeid-required");
        }
        if (!PubSubStore.validName(node)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        List<String> ids = items.elements("item", PubSubXml.NS).map(item -> item.attribute("id")).toList();
        if (ids.stream().anyMatch(id -> !PubSubStore.validName(id))) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Invalid item id"));
        }
        Integer max = maxItems(items.attribute("max_items"));
        if (max == null) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "max_items must be a positive number"));
        }
        Jid owner = request.target();
        AccountId account = AccountId.of(owner);
        return nodes.existing(owner, node, config -> access.check(request.requester(), owner, node, config)
                .thenCompose(refused -> refused.isPresent()
                        ? IqReply.now(new IqReply.Error(refused.get()))
                        : (ids.isEmpty() ? nodes.store().items(account, node, Math.min(max, config.storedItems()))
                        : nodes.store().items(account, node, ids)).thenApplyAsync(found -> IqReply.result(
                        PubSubXml.pubsub(PubSubXml.NS, PubSubXml.items(PubSubXml.NS, node, found.stream()
                                .map(item -> PubSubXml.item(PubSubXml.NS, item, true)).toList()))),
                        nodes.continuations())));
    }

    /** The max_items attribute (XEP-0060 §6.5.7); absent means all; null when it is not a positive number. */
    private static Integer maxItems(String value) {
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int parsed = Integer.parseInt(value);
            return parsed > 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CompletionStage<IqReply> wrongType() {
        return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Wrong IQ type for this pubsub action"));
    }
}
