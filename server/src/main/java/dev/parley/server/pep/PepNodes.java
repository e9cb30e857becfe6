package dev.parley.server.pep;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The PEP nodes of accounts as the handlers use them: the store, their configurations read from it, and the limits
 * (largest item, most items per node, most nodes per account, most subscriptions and affiliations per node).
 * Work after a storage call resumes on {@code continuations}, never on the store's own threads.
 */
record PepNodes(PubSubStore store, int itemBytes, int maxItemsLimit, int maxNodes, int maxSubscriptions,
                int maxAffiliations, Executor continuations) {
    CompletionStage<Optional<NodeConfig>> config(Jid owner, String node) {
        return store.node(AccountId.of(owner), node).thenApplyAsync(found -> found
                .map(stored -> NodeConfig.of(stored, maxItemsLimit)), continuations);
    }

    /** Runs {@code action} on the node's configuration; {@code item-not-found} when there is no such node. */
    CompletionStage<IqReply> existing(Jid owner, String node, Function<NodeConfig, CompletionStage<IqReply>> action) {
        return config(owner, node).thenCompose(config -> config.map(action)
                .orElseGet(() -> IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND))));
    }

    IqReply tooManyNodes() {
        return IqReply.error(StanzaErrorCondition.POLICY_VIOLATION,
                "An account may have at most " + maxNodes + " personal eventing nodes");
    }
}
