package dev.parley.server.pep;

import dev.parley.server.api.EntityCapabilities;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubItem;
import dev.parley.server.api.storage.PubSubNode;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.api.storage.PubSubStore.Affiliation;
import dev.parley.server.api.storage.Roster;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Sends PEP event notifications (XEP-0163 §4.3) to the {@link PepAudience} of a node: the owner's and presence-sharing
 * contacts' resources whose entity capabilities (XEP-0115) include {@code <node>+notify} (filtered notifications,
 * XEP-0060 §9.2), and explicit subscribers. It sends a new subscriber the last item (XEP-0060 §6.1.7) and tells an
 * entity whose subscription the owner changed (§8.8.4). As an
 * {@link EntityCapabilities.Listener} it sends a newly known resource the last item of each node it is interested in,
 * of its own account and of each account whose presence it receives (XEP-0163 §4.3.4, "on_sub_and_presence").
 * Contacts at other servers get nothing until federation exists.
 */
final class PepNotifier implements EntityCapabilities.Listener {
    private static final Logger log = LoggerFactory.getLogger(PepNotifier.class);
    static final String NOTIFY = "+notify";

    private final PubSubStore store;
    private final RosterStore roster;
    private final SessionRegistry sessions;
    private final EntityCapabilities capabilities;
    private final PepAccess access;
    private final Predicate<Jid> hosted;
    private final Function<Stanza, CompletionStage<Void>> route;
    private final int maxItemsLimit;
    private final Executor continuations;
    private final AtomicLong ids = new AtomicLong();

    PepNotifier(PubSubStore store, RosterStore roster, SessionRegistry sessions, EntityCapabilities capabilities,
                PepAccess access, Predicate<Jid> hosted, Function<Stanza, CompletionStage<Void>> route,
                int maxItemsLimit, Executor continuations) {
        this.store = store;
        this.roster = roster;
        this.sessions = sessions;
        this.capabilities = capabilities;
        this.access = access;
        this.hosted = hosted;
        this.route = route;
        this.maxItemsLimit = maxItemsLimit;
        this.continuations = continuations;
    }

    void published(Jid owner, String node, NodeConfig config, PubSubItem item) {
        broadcast(owner, node, config, PubSubXml.items(PubSubXml.EVENT, node,
                List.of(PubSubXml.item(PubSubXml.EVENT, item, config.deliverPayloads()))));
    }

    void retracted(Jid owner, String node, NodeConfig config, String itemId) {
        broadcast(owner, node, config, PubSubXml.items(PubSubXml.EVENT, node,
                List.of(XmlElement.builder("retract", PubSubXml.EVENT).attribute("id", itemId).build())));
    }

    /** The node was purged (XEP-0060 §8.5.2). */
    void purged(Jid owner, String node, NodeConfig config) {
        if (config.notifyDelete()) {
            broadcast(owner, node, config, XmlElement.builder("purge", PubSubXml.EVENT).attribute("node", node)
                    .build());
        }
    }

    /**
     * The node was deleted (XEP-0060 §8.4.2): told to its {@code audience} as it was before the deletion removed the
     * node's subscriptions.
     */
    void deleted(Jid owner, String node, NodeConfig config, Set<Jid> audience) {
        if (config.notifyDelete()) {
            XmlElement delete = XmlElement.builder("delete", PubSubXml.EVENT).attribute("node", node).build();
            audience.forEach(to -> send(owner, to, delete));
        }
    }

    /** A new subscription to the node: the last item, unless the node says never (XEP-0060 §6.1.7, §4.2). */
    void subscribed(Jid owner, String node, NodeConfig config, Jid subscriber) {
        if (!config.deliverNotifications() || config.sendLast().equals("never")) {
            return;
        }
        store.items(AccountId.of(owner), node, 1).thenAcceptAsync(items -> items.forEach(item -> send(owner,
                subscriber, PubSubXml.items(PubSubXml.EVENT, node, List.of(PubSubXml.item(PubSubXml.EVENT, item,
                        config.deliverPayloads()))))), continuations)
                .whenComplete((ignored, failure) -> logFailure(failure, "send the last item to", subscriber));
    }

    /** The owner set {@code jid}'s subscription to {@code state} (XEP-0060 §8.8.4). */
    void subscriptionChanged(Jid owner, String node, Jid jid, String state) {
        if (hosted.test(jid)) {
            send(owner, jid, XmlElement.builder("subscription", PubSubXml.EVENT).attribute("node", node)
                    .attribute("jid", jid.toString()).attribute("subscription", state).build());
        }
    }

    @Override
    public void featuresKnown(Jid fullJid, Set<String> features) {
        Set<String> nodes = features.stream().filter(feature -> feature.endsWith(NOTIFY) && feature.length() > 7)
                .map(feature -> feature.substring(0, feature.length() - NOTIFY.length())).collect(Collectors.toSet());
        if (nodes.isEmpty() || !hosted.test(fullJid)) {
            return;
        }
        Jid user = fullJid.bare();
        roster.load(AccountId.of(user)).thenAcceptAsync(loaded -> {
            List<Jid> owners = new ArrayList<>();
            owners.add(user);
            loaded.items().stream().filter(item -> item.subscription().to()).map(RosterItem::contact)
                    .filter(hosted).forEach(owners::add);
            owners.forEach(owner -> sendLastItems(owner, fullJid, nodes));
        }, continuations).whenComplete((ignored, failure) -> logFailure(failure, "send the last items to", fullJid));
    }

    private void sendLastItems(Jid owner, Jid to, Set<String> interested) {
        store.nodes(AccountId.of(owner)).thenAcceptAsync(nodes -> {
            for (PubSubNode node : nodes) {
                NodeConfig config = NodeConfig.of(node, maxItemsLimit);
                if (interested.contains(node.name()) && config.deliverNotifications()
                        && !config.sendLast().equals("never")) {
                    access.check(to, owner, node.name(), config)
                            .thenCompose(refused -> refused.isPresent() ? CompletableFuture.completedFuture(null)
                                    : store.items(AccountId.of(owner), node.name(), 1).thenAcceptAsync(items ->
                                    items.forEach(item -> send(owner, to, PubSubXml.items(PubSubXml.EVENT,
                                            node.name(), List.of(PubSubXml.item(PubSubXml.EVENT, item,
                                                    config.deliverPayloads()))))), continuations))
                            .whenComplete((ignored, failure) -> logFailure(failure, "send the last item to", to));
                }
            }
        }, continuations).whenComplete((ignored, failure) -> logFailure(failure, "list the nodes of", owner));
    }

    private void broadcast(Jid owner, String node, NodeConfig config, XmlElement eventChild) {
        audience(owner, node, config).thenAccept(audience -> audience.forEach(to -> send(owner, to, eventChild)))
                .whenComplete((ignored, failure) -> logFailure(failure, "notify the subscribers of", owner));
    }

    /** Who a notification of the node would go to now ({@link PepAudience}); none if it delivers none. */
    CompletionStage<Set<Jid>> audience(Jid owner, String node, NodeConfig config) {
        if (!config.deliverNotifications()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        String feature = node + NOTIFY;
        AccountId account = AccountId.of(owner);
        CompletableFuture<Roster> contacts = roster.load(account).toCompletableFuture();
        CompletableFuture<Map<Jid, Affiliation>> affiliations = store.affiliations(account, node)
                .toCompletableFuture();
        CompletableFuture<List<Jid>> subscribers = store.subscribers(account, node).toCompletableFuture();
        return CompletableFuture.allOf(contacts, affiliations, subscribers).thenApplyAsync(loaded -> PepAudience.of(
                owner, config, contacts.join().items(), affiliations.join(), subscribers.join(),
                jid -> interestedResources(jid, feature), hosted), continuations);
    }

    private List<Jid> interestedResources(Jid account, String feature) {
        return sessions.sessions(account).stream().filter(ClientSession::available).map(ClientSession::jid)
                .filter(jid -> capabilities.features(jid).contains(feature)).toList();
    }

    private void send(Jid owner, Jid to, XmlElement eventChild) {
        XmlElement message = PubSubXml.notification(owner, to, "pep-" + ids.incrementAndGet(), eventChild);
        try {
            route.apply(Stanza.of(message));
        } catch (dev.parley.xmpp.error.StanzaException e) {
            throw new IllegalStateException("the server built an invalid notification", e);
        }
    }

    private static void logFailure(Throwable failure, String action, Jid jid) {
        if (failure != null) {
            log.warn("could not {} {}: {}", action, jid, failure.getMessage());
        }
    }
}
