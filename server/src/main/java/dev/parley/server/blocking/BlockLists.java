package dev.parley.server.blocking;

import dev.parley.server.api.SessionListener;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The block lists of accounts (XEP-0191): stored as one {@link KeyValueStore} value per account (the
 * {@code <blocklist/>} element through {@link XmlCodec}), and held in memory while the account has a bound session, so
 * that checking a stanza of an online account needs no storage read. The copy is loaded when the first session binds,
 * without waiting for it; a check that comes before it is loaded waits for the load. Changes of one account are applied
 * one after another, each written durably before it takes effect in memory.
 *
 * <p>Also remembers which sessions requested the list: the "interested resources" that get block pushes (§3.3).
 */
final class BlockLists implements SessionListener {
    static final String KEY = "blocklist";

    private final KeyValueStore store;
    private final SessionRegistry sessions;
    private final int maxItems;
    private final Executor continuations;
    private final ConcurrentHashMap<Jid, Online> online = new ConcurrentHashMap<>();
    /** Per account, the end of its chain of changes; removed when the chain runs dry. */
    private final ConcurrentHashMap<Jid, CompletableFuture<?>> changes = new ConcurrentHashMap<>();

    /** The in-memory state of an account with a bound session. */
    private static final class Online {
        volatile CompletableFuture<BlockList> list;
        final Set<ClientSession> interested = ConcurrentHashMap.newKeySet();

        Online(CompletableFuture<BlockList> list) {
            this.list = list;
        }
    }

    /** The outcome of {@link #update}. */
    sealed interface Update {
        record Applied(BlockList before, BlockList after) implements Update {
        }

        /** The change would take the list beyond {@code limit} items; nothing changed. */
        record TooMany(int limit) implements Update {
        }
    }

    /**
     * @param continuations where work resumes after a storage call (an event loop), never a storage thread
     */
    BlockLists(KeyValueStore store, SessionRegistry sessions, int maxItems, Executor continuations) {
        this.store = store;
        this.sessions = sessions;
        this.maxItems = maxItems;
        this.continuations = continuations;
    }

    @Override
    public void bound(ClientSession session) {
        online.computeIfAbsent(session.jid().bare(), account -> new Online(load(account).toCompletableFuture()));
    }

    /** The copy goes with the last session; atomically, so a session binding meanwhile keeps it. */
    @Override
    public void unbound(ClientSession session) {
        Jid account = session.jid().bare();
        online.computeIfPresent(account, (key, state) -> {
            state.interested.remove(session);
            return sessions.sessions(account).isEmpty() ? null : state;
        });
    }

    /**
     * The in-memory list of an account with a bound session (possibly still loading), or null for others. A load that
     * failed (the store overloaded, say) fails the checks waiting for it and is tried again by the next one.
     */
    CompletableFuture<BlockList> cached(Jid account) {
        Online state = online.get(account);
        if (state == null) {
            return null;
        }
        CompletableFuture<BlockList> list = state.list;
        if (list.isCompletedExceptionally()) {
            list = load(account).toCompletableFuture();
            state.list = list;
        }
        return list;
    }

    /** The account's list, from memory when it is online, else from the store. */
    CompletionStage<BlockList> of(Jid account) {
        CompletableFuture<BlockList> cached = cached(account);
        return cached != null ? cached : load(account);
    }

    /** {@code session} requested the block list: it gets pushes from now on (§3.3, §3.4). */
    void interested(ClientSession session) {
        Online state = online.get(session.jid().bare());
        if (state != null) {
            state.interested.add(session);
        }
    }

    /** The account's sessions that requested the block list. */
    List<ClientSession> interested(Jid account) {
        Online state = online.get(account);
        return state == null ? List.of() : List.copyOf(state.interested);
    }

    /**
     * Applies {@code change} to the account's list after the changes submitted before it: stores the result, then runs
     * {@code beforeInForce} (given the old and new list) and waits for it, then makes the new list the one checks see.
     * A change that would grow the list beyond the limit leaves it as it was.
     */
    CompletionStage<Update> update(Jid account, UnaryOperator<BlockList> change,
                                   BiFunction<BlockList, BlockList, CompletionStage<Void>> beforeInForce) {
        CompletableFuture<Update> done = new CompletableFuture<>();
        CompletableFuture<?> previous = changes.put(account, done);
        CompletionStage<?> after = previous == null ? CompletableFuture.completedFuture(null) : previous;
        after.handle((ignored, failure) -> null)
                .thenCompose(ignored -> of(account))
                .thenCompose(before -> {
                    BlockList next = change.apply(before);
                    if (next.size() > before.size() && next.size() > maxItems) {
                        return CompletableFuture.completedFuture(new Update.TooMany(maxItems));
                    }
                    return save(account, next)
                            .thenCompose(saved -> beforeInForce.apply(before, next))
                            .thenApply(sent -> {
                                Online state = online.get(account);
                                if (state != null) {
                                    state.list = CompletableFuture.completedFuture(next);
                                }
                                return (Update) new Update.Applied(before, next);
                            });
                })
                .whenComplete((update, failure) -> {
                    changes.remove(account, done);
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(update);
                    }
                });
        return done;
    }

    private CompletionStage<BlockList> load(Jid account) {
        return store.get(AccountId.of(account), KEY).thenApplyAsync(
                stored -> stored.map(bytes -> BlockingXml.read(XmlCodec.decode(bytes))).orElse(BlockList.EMPTY),
                continuations);
    }

    /** An empty list is no entry at all. */
    private CompletionStage<Void> save(Jid account, BlockList list) {
        AccountId id = AccountId.of(account);
        CompletionStage<Void> written = list.isEmpty()
                ? store.delete(id, KEY).thenApply(deleted -> null)
                : store.put(id, KEY, XmlCodec.encode(list.toElement()));
        return written.thenApplyAsync(ignored -> null, continuations);
    }
}
