package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Pubsub nodes and their items per owning account (XEP-0060 as XEP-0163 uses it: every account is a virtual pubsub
 * service). The account is the partition; inside it nodes are ordered by name and each node's items by publication,
 * so "the last N items" is a range read.
 *
 * <p>Writes are atomic check-and-write steps: publishing creates the node when it is missing (XEP-0163 §3
 * "auto-create"), replaces an item with the same id (which then counts as the newest) and trims the oldest items
 * beyond the node's {@code maxItems}, all in one step. Node and item names are checked with {@link #requireName}
 * before anything is submitted. The size of payloads is capped by the callers.
 *
 * <p>Beside its items a node holds explicit subscriptions (XEP-0060 §6.1; a subscribed JID is bare or full, state
 * "subscribed") and affiliations other than the owner's (§4.1, by bare JID). Making a JID an outcast removes the
 * subscriptions of every JID with that bare JID, and an outcast cannot subscribe, in the same atomic step. Deleting a
 * node removes its subscriptions and affiliations; purging keeps them.
 */
public interface PubSubStore extends AccountDataStore {
    /** The longest node name or item id, in UTF-8 octets. */
    int MAX_NAME_OCTETS = 1024;

    /** What {@link #publish} and {@link #createNode} did. */
    enum Outcome {
        /** Written; for a publish to a missing node, the node was created first. */
        DONE,
        /** {@link #createNode}: a node of that name exists; nothing changed. */
        EXISTS,
        /** The account already has {@code maxNodes} nodes and this would have created another; nothing changed. */
        TOO_MANY_NODES
    }

    /** What {@link #subscribe} and {@link #affiliate} did. */
    enum Change {
        /** Written (or already so). */
        DONE,
        /** There is no such node; nothing changed. */
        NO_SUCH_NODE,
        /** {@link #subscribe}: the subscriber's bare JID is an outcast of the node; nothing changed. */
        OUTCAST,
        /** The node would have held more subscriptions or affiliations than the limit; nothing changed. */
        TOO_MANY
    }

    /**
     * The affiliations a store keeps (XEP-0060 §4.1). The account is the owner of its nodes and "none" is the absence
     * of an entry, so neither is stored.
     */
    enum Affiliation {
        /** May subscribe and retrieve items whatever the access model. */
        MEMBER,
        /** May neither subscribe nor retrieve items. */
        OUTCAST
    }

    CompletionStage<Optional<PubSubNode>> node(AccountId owner, String node);

    /** Every node of the account, by name. */
    CompletionStage<List<PubSubNode>> nodes(AccountId owner);

    /**
     * Creates {@code node} unless one of that name exists or the account holds {@code maxNodes} nodes already.
     *
     * @throws IllegalArgumentException if {@code maxNodes} is less than 1
     */
    CompletionStage<Outcome> createNode(AccountId owner, PubSubNode node, int maxNodes);

    /**
     * Replaces the configuration of an existing node and trims it to its newest {@code maxItems} items; completes with
     * {@code false}, changing nothing, when there is no such node.
     *
     * @throws IllegalArgumentException if {@code maxItems} is less than 1
     */
    CompletionStage<Boolean> configureNode(AccountId owner, PubSubNode node, int maxItems);

    /** Removes the node with its items; {@code false} when there was none. */
    CompletionStage<Boolean> deleteNode(AccountId owner, String node);

    /**
     * Stores {@code item} as the newest of {@code node.name()}, creating the node with {@code node}'s configuration
     * if it is missing (an existing node keeps its own). An item with the same id is replaced. Afterwards the node
     * holds at most {@code maxItems} items, the oldest having been removed.
     *
     * @throws IllegalArgumentException if {@code maxItems} or {@code maxNodes} is less than 1
     */
    CompletionStage<Outcome> publish(AccountId owner, PubSubNode node, PubSubItem item, int maxItems, int maxNodes);

    /** Up to {@code max} of the node's newest items, oldest first; empty for a node that does not exist. */
    CompletionStage<List<PubSubItem>> items(AccountId owner, String node, int max);

    /** The node's items with these ids (unknown ids are skipped), oldest first. */
    CompletionStage<List<PubSubItem>> items(AccountId owner, String node, Collection<String> ids);

    /** Removes one item; {@code false} when the node has no item with that id. */
    CompletionStage<Boolean> retract(AccountId owner, String node, String itemId);

    /** Removes every item of the node, keeping the node; {@code false} when there is no such node. */
    CompletionStage<Boolean> purge(AccountId owner, String node);

    /**
     * Subscribes {@code subscriber} (a bare or full JID) to the node unless its bare JID is an outcast or the node has
     * {@code maxSubscriptions} subscriptions already; subscribing again changes nothing and is {@link Change#DONE}.
     *
     * @throws IllegalArgumentException if {@code maxSubscriptions} is less than 1
     */
    CompletionStage<Change> subscribe(AccountId owner, String node, Jid subscriber, int maxSubscriptions);

    /** Removes the subscription of exactly {@code subscriber}; {@code false} when it had none. */
    CompletionStage<Boolean> unsubscribe(AccountId owner, String node, Jid subscriber);

    /** The JIDs subscribed to the node, grouped by bare JID; empty for a node that does not exist. */
    CompletionStage<List<Jid>> subscribers(AccountId owner, String node);

    /** The subscribed JIDs with the bare JID {@code subscriber}, by node name, across the account's nodes. */
    CompletionStage<Map<String, List<Jid>>> subscriptions(AccountId owner, Jid subscriber);

    /**
     * Applies affiliation changes to bare JIDs (an empty value removes the affiliation), all of them or, when the
     * node is missing or would hold more than {@code maxAffiliations} affiliations, none. Outcasts lose their
     * subscriptions.
     *
     * @throws IllegalArgumentException if a JID is not bare or {@code maxAffiliations} is less than 1
     */
    CompletionStage<Change> affiliate(AccountId owner, String node, Map<Jid, Optional<Affiliation>> changes,
                                      int maxAffiliations);

    /** The node's affiliations by bare JID; empty for a node that does not exist. */
    CompletionStage<Map<Jid, Affiliation>> affiliations(AccountId owner, String node);

    /** The affiliations of the bare JID {@code member} by node name, across the account's nodes. */
    CompletionStage<Map<String, Affiliation>> affiliationsOf(AccountId owner, Jid member);

    /** Removes every node and item of the account. */
    @Override
    CompletionStage<Void> deleteAll(AccountId owner);

    /**
     * Checks a node name or item id.
     *
     * @return {@code name}
     * @throws IllegalArgumentException if it is empty, longer than {@link #MAX_NAME_OCTETS} or not well-formed Unicode
     */
    static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a node name or item id must not be empty");
        }
        int octets = AccountId.utf8Length(name);
        if (octets < 0) {
            throw new IllegalArgumentException("name is not well-formed Unicode (unpaired surrogate)");
        }
        if (octets > MAX_NAME_OCTETS) {
            throw new IllegalArgumentException("name is longer than " + MAX_NAME_OCTETS + " octets: " + octets);
        }
        return name;
    }

    /** Whether {@link #requireName} accepts {@code name}: for checking client input. */
    static boolean validName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        int octets = AccountId.utf8Length(name);
        return octets > 0 && octets <= MAX_NAME_OCTETS;
    }
}
