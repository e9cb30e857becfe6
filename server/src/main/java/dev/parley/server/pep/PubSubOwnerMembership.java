package dev.parley.server.pep;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubStore.Affiliation;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The owner's management of a node's subscriptions (XEP-0060 §8.8) and affiliations (§8.9). Subscription states the
 * owner may set are "subscribed" and "none"; affiliations "member", "outcast" and "none" (the account stays the one
 * owner; "publisher" and "publish-only" are not supported, as PEP has one publisher per node, XEP-0163 §3).
 * A modification request is checked whole before anything changes; an affiliation change is applied atomically.
 */
final class PubSubOwnerMembership {
    private final PepNodes nodes;
    private final PepNotifier notifier;

    PubSubOwnerMembership(PepNodes nodes, PepNotifier notifier) {
        this.nodes = nodes;
        this.notifier = notifier;
    }

    /** §8.8.1: every subscription of the node. */
    CompletionStage<IqReply> subscriptions(Jid owner, String node) {
        return nodes.existing(owner, node, config -> nodes.store().subscribers(AccountId.of(owner), node)
                .thenApplyAsync(subscribers -> IqReply.result(PubSubXml.pubsub(PubSubXml.OWNER, list("subscriptions",
                        node, subscribers.stream().map(jid -> entry("subscription", jid, PubSubSubscriber.SUBSCRIBED))
                                .toList()))), nodes.continuations()));
    }

    /** §8.8.2: "subscribed" subscribes the JID (an outcast cannot be), "none" removes its subscription. */
    CompletionStage<IqReply> modifySubscriptions(Jid owner, String node, XmlElement request) {
        Map<Jid, Boolean> changes = new LinkedHashMap<>();
        for (XmlElement element : request.elements("subscription", PubSubXml.OWNER).toList()) {
            Optional<Jid> jid = Jid.tryParse(element.attribute("jid"));
            String state = element.attribute("subscription");
            if (jid.isEmpty()) {
                return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "invalid-jid");
            }
            if (state != null && !state.equals(PubSubSubscriber.SUBSCRIBED) && !state.equals("none")) {
                return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "Only 'subscribed' and 'none' may be set, not '" + state + "' for " + jid.get()));
            }
            if (state != null && changes.put(jid.get(), state.equals(PubSubSubscriber.SUBSCRIBED)) != null) {
                return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Two entries for " + jid.get()));
            }
        }
        AccountId account = AccountId.of(owner);
        return nodes.existing(owner, node, config -> {
            List<String> failed = new ArrayList<>();
            CompletionStage<Void> applied = CompletableFuture.completedFuture(null);
            for (Map.Entry<Jid, Boolean> change : changes.entrySet()) {
                Jid jid = change.getKey();
                applied = applied.thenCompose(previous -> change.getValue()
                        ? nodes.store().subscribe(account, node, jid, nodes.maxSubscriptions())
                        .thenAcceptAsync(done -> {
                            switch (done) {
                                case DONE -> notifier.subscriptionChanged(owner, node, jid,
                                        PubSubSubscriber.SUBSCRIBED);
                                case OUTCAST -> failed.add(jid + " is an outcast");
                                case TOO_MANY -> failed.add(jid + ": the node has too many subscriptions");
                                case NO_SUCH_NODE -> failed.add(jid + ": the node was deleted");
                            }
                        }, nodes.continuations())
                        : nodes.store().unsubscribe(account, node, jid).thenAcceptAsync(removed -> {
                            if (removed) {
                                notifier.subscriptionChanged(owner, node, jid, "none");
                            }
                        }, nodes.continuations()));
            }
            return applied.thenApply(done -> failed.isEmpty() ? IqReply.empty()
                    : IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE, "Not changed: " + String.join("; ", failed)));
        });
    }

    /** §8.9.1: the owner and every other affiliation of the node. */
    CompletionStage<IqReply> affiliations(Jid owner, String node) {
        return nodes.existing(owner, node, config -> nodes.store().affiliations(AccountId.of(owner), node)
                .thenApplyAsync(stored -> {
                    List<XmlElement> entries = new ArrayList<>();
                    entries.add(entry("affiliation", owner, "owner"));
                    stored.forEach((jid, affiliation) -> entries.add(entry("affiliation", jid,
                            PubSubSubscriber.wireName(affiliation))));
                    return IqReply.result(PubSubXml.pubsub(PubSubXml.OWNER, list("affiliations", node, entries)));
                }, nodes.continuations()));
    }

    /** §8.9.2: a delta of affiliations of bare JIDs, applied all at once. */
    CompletionStage<IqReply> modifyAffiliations(Jid owner, String node, XmlElement request) {
        Map<Jid, Optional<Affiliation>> changes = new LinkedHashMap<>();
        for (XmlElement element : request.elements("affiliation", PubSubXml.OWNER).toList()) {
            Optional<Jid> jid = Jid.tryParse(element.attribute("jid")).map(Jid::bare);
            String affiliation = element.attribute("affiliation");
            if (jid.isEmpty()) {
                return PubSubXml.fail(StanzaErrorCondition.BAD_REQUEST, "invalid-jid");
            }
            if (changes.containsKey(jid.get())) {
                return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Two entries for " + jid.get()));
            }
            if (affiliation == null) {
                continue; // "If the 'affiliation' attribute is not specified ... the value MUST NOT be changed"
            }
            if (jid.get().equals(owner) || affiliation.equals("owner")) {
                if (jid.get().equals(owner) && affiliation.equals("owner")) {
                    continue;
                }
                return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "The account is the one owner of its nodes"));
            }
            switch (affiliation) {
                case "member" -> changes.put(jid.get(), Optional.of(Affiliation.MEMBER));
                case "outcast" -> changes.put(jid.get(), Optional.of(Affiliation.OUTCAST));
                case "none" -> changes.put(jid.get(), Optional.empty());
                case "publisher", "publish-only" -> {
                    return PubSubXml.unsupported(affiliation + "-affiliation");
                }
                default -> {
                    return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST,
                            "Unknown affiliation '" + affiliation + "'"));
                }
            }
        }
        if (changes.isEmpty()) {
            return nodes.existing(owner, node, config -> IqReply.now(IqReply.empty()));
        }
        return nodes.store().affiliate(AccountId.of(owner), node, changes, nodes.maxAffiliations())
                .thenApplyAsync(done -> switch (done) {
                    case DONE -> IqReply.empty();
                    case OUTCAST -> throw new IllegalStateException("affiliating never refuses an outcast");
                    case NO_SUCH_NODE -> IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND);
                    case TOO_MANY -> IqReply.error(StanzaErrorCondition.POLICY_VIOLATION,
                            "A node may have at most " + nodes.maxAffiliations() + " affiliations");
                }, nodes.continuations());
    }

    private static XmlElement list(String name, String node, List<XmlElement> entries) {
        return XmlElement.builder(name, PubSubXml.OWNER).attribute("node", node).children(entries).build();
    }

    private static XmlElement entry(String name, Jid jid, String value) {
        return XmlElement.builder(name, PubSubXml.OWNER).attribute("jid", jid.toString())
                .attribute(name, value).build();
    }
}
