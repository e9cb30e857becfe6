package dev.parley.server.pep;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The owner use cases of XEP-0060 (namespace {@code #owner}) on the account's own PEP nodes: configure (§8.2),
 * default configuration (§8.3), delete (§8.4), purge (§8.5), and through {@link PubSubOwnerMembership} subscriptions
 * (§8.8) and affiliations (§8.9). Anyone but the owner gets {@code forbidden}. Configure and delete are
 * {@link NodeOrder} steps, so they do not interleave with a publish's precondition check and write.
 */
final class PubSubOwnerHandler {
    private final PepNodes nodes;
    private final PepNotifier notifier;
    private final PubSubOwnerMembership membership;
    private final NodeOrder order;

    PubSubOwnerHandler(PepNodes nodes, PepNotifier notifier, NodeOrder order) {
        this.nodes = nodes;
        this.notifier = notifier;
        this.membership = new PubSubOwnerMembership(nodes, notifier);
        this.order = order;
    }

    CompletionStage<IqReply> handle(IqRequest request) {
        return PubSubHandler.owner(request, () -> {
            Optional<XmlElement> action = request.iq().payload().firstChild(PubSubXml.OWNER);
            if (action.isEmpty()) {
                return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "No pubsub owner action"));
            }
            boolean set = request.iq().type() == Iq.Type.SET;
            XmlElement element = action.get();
            if (element.name().equals("default")) {
                return set ? wrongType() : IqReply.now(IqReply.result(PubSubXml.pubsub(PubSubXml.OWNER,
                        XmlElement.builder("default", PubSubXml.OWNER)
                                .child(NodeConfig.defaults().form(nodes.maxItemsLimit()).toElement()).build())));
            }
            String node = element.attribute("node");
            if (node == null) {
                return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "nodeid-required");
            }
            if (!PubSubStore.validName(node)) {
                return IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND));
            }
            Jid owner = request.target();
            return switch (element.name()) {
                case "configure" -> set ? configure(owner, node, element) : nodes.existing(owner, node,
                        config -> IqReply.now(IqReply.result(PubSubXml.pubsub(PubSubXml.OWNER,
                                XmlElement.builder("configure", PubSubXml.OWNER).attribute("node", node)
                                        .child(config.form(nodes.maxItemsLimit()).toElement()).build()))));
                case "delete" -> set ? order.run(owner, node, () -> delete(owner, node)) : wrongType();
                case "purge" -> set ? nodes.existing(owner, node, config -> nodes.store()
                        .purge(AccountId.of(owner), node).thenApplyAsync(purged -> {
                            if (!purged) {
                                return IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND);
                            }
                            notifier.purged(owner, node, config);
                            return IqReply.empty();
                        }, nodes.continuations())) : wrongType();
                case "subscriptions" -> set ? membership.modifySubscriptions(owner, node, element)
                        : membership.subscriptions(owner, node);
                case "affiliations" -> set ? membership.modifyAffiliations(owner, node, element)
                        : membership.affiliations(owner, node);
                default -> IqReply.now(IqReply.error(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));
            };
        });
    }

    /** §8.2.4: a submitted node_config form replaces the configuration; a cancelled one changes nothing. */
    private CompletionStage<IqReply> configure(Jid owner, String node, XmlElement configure) {
        Optional<DataForm> form = DataForm.findIn(configure);
        if (form.isEmpty()) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Submit a node_config form"));
        }
        if (form.get().type() == DataForm.Type.CANCEL) {
            return nodes.existing(owner, node, config -> IqReply.now(IqReply.empty()));
        }
        boolean nodeConfig = form.get().field(FormField.FORM_TYPE).map(FormField::firstValue)
                .filter(NodeConfig.FORM_TYPE::equals).isPresent();
        if (form.get().type() != DataForm.Type.SUBMIT || !nodeConfig) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Submit a node_config form"));
        }
        return order.run(owner, node, () -> nodes.existing(owner, node, current -> {
            Optional<NodeConfig> changed = ConfigForm.apply(current, form.get().values(), nodes.maxItemsLimit());
            if (changed.isEmpty()) {
                return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "Unsupported or invalid node configuration"));
            }
            return nodes.store().configureNode(AccountId.of(owner), changed.get().toNode(node),
                    changed.get().storedItems()).thenApplyAsync(done -> done ? IqReply.empty()
                    : IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND), nodes.continuations());
        }));
    }

    /** §8.4: the audience is taken before the node's subscriptions go with it. */
    private CompletionStage<IqReply> delete(Jid owner, String node) {
        return nodes.existing(owner, node, config -> notifier.audience(owner, node, config).thenCompose(audience ->
                nodes.store().deleteNode(AccountId.of(owner), node).thenApplyAsync(deleted -> {
                    if (!deleted) {
                        return IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND);
                    }
                    notifier.deleted(owner, node, config, audience);
                    return IqReply.empty();
                }, nodes.continuations())));
    }

    private static CompletionStage<IqReply> wrongType() {
        return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Wrong IQ type for this owner action"));
    }
}
