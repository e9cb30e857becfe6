package dev.parley.server.pep;

import dev.parley.xmpp.jid.Jid;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs the read-check-write steps on one node (publish with its publish-options preconditions, XEP-0060 §7.1.5;
 * create; configure; delete) one after another, so that no other such step on that node interleaves between a
 * check and its write. Nothing blocks: a step waits by being chained behind the previous one, and the chain of an
 * idle node is dropped, so memory follows the steps in flight.
 */
final class NodeOrder {
    private record Key(Jid owner, String node) {
    }

    private final ConcurrentMap<Key, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
    private final Executor continuations;

    NodeOrder(Executor continuations) {
        this.continuations = continuations;
    }

    /** Runs {@code step} once every step submitted before for the same node has completed. */
    <T> CompletionStage<T> run(Jid owner, String node, Supplier<CompletionStage<T>> step) {
        Key key = new Key(owner, node);
        CompletableFuture<T> done = new CompletableFuture<>();
        CompletableFuture<?> previous = tails.put(key, done);
        done.whenComplete((result, failure) -> tails.remove(key, done));
        if (previous == null) {
            start(step, done);
        } else {
            previous.whenCompleteAsync((result, failure) -> start(step, done), continuations);
        }
        return done;
    }

    /** How many nodes have steps in flight. */
    int busyNodes() {
        return tails.size();
    }

    private static <T> void start(Supplier<CompletionStage<T>> step, CompletableFuture<T> done) {
        try {
            step.get().whenComplete((result, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(result);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }
}
