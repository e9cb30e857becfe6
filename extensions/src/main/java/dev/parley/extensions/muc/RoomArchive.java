package dev.parley.extensions.muc;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.ModuleContext;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchivePage;
import dev.parley.server.api.storage.ArchiveQuery;
import dev.parley.server.api.storage.ArchiveStore;
import dev.parley.server.api.storage.ArchivedMessage;
import dev.parley.server.api.storage.StorageOverloadedException;
import dev.parley.server.archive.ArchiveIds;
import dev.parley.server.archive.MamQueries;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A room's message archive (XEP-0313 §3.3.2 "MUC archives", §6.1.2 "MUC Archives"), kept in the server's
 * {@link ArchiveStore} under the room's bare JID as if it were an account ({@code room@service} is never an account's
 * JID: the service domain is not a hosted domain). Ids are the server's opaque archive ids ({@link ArchiveIds},
 * docs/decisions/0005-archive-ids.md): the id a message gets here is the XEP-0359 {@code <stanza-id by=room/>} every
 * occupant receives. Queries reuse the server's {@link MamQueries}; who may query is {@link #refusal}.
 */
final class RoomArchive {
    private static final Logger log = LoggerFactory.getLogger(RoomArchive.class);

    private final ArchiveStore store;
    private final ArchiveIds ids;
    private final MamQueries queries;
    private final Executor continuations;
    /** The last operation begun on each room's archive that has not finished; the next one starts after it. */
    private final Map<Jid, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    RoomArchive(ArchiveStore store, ArchiveIds ids, MamQueries queries, Executor continuations) {
        this.store = store;
        this.ids = ids;
        this.queries = queries;
        this.continuations = continuations;
    }

    /** The archives of the node's rooms, ids under the same secret as the accounts' archives. */
    static RoomArchive open(ModuleContext context) throws IOException {
        ArchiveIds ids = ArchiveIds.open(context.config().dataDir());
        ArchiveStore store = context.storage().archive();
        return new RoomArchive(store, ids, new MamQueries(store, ids, context.config().archive().maxPageSize(),
                context.sessions(), context.continuations()), context.continuations());
    }

    /**
     * Appends a message as the room sent it (from its occupant JID, no 'to', no stanza id); completes with its archive
     * id once durable. Appends and erases of one room run one after the other in the order they were asked for, so
     * the room, asking under its monitor, gets ids in its own order.
     */
    CompletionStage<String> append(Jid room, Jid publisher, XmlElement message) {
        AccountId archive = AccountId.of(room);
        Instant now = Instant.now();
        return inTurn(room, () -> store.append(archive, now, publisher, message))
                .thenApplyAsync(sequence -> ids.encode(archive, sequence), continuations);
    }

    /** An archived message of a room: its opaque id (the stanza id occupants saw), when, and the stanza as sent. */
    record Archived(String id, Instant stamp, XmlElement stanza) {
    }

    /**
     * The room's newest {@code count} messages, oldest first, once every append asked for before has finished (so a
     * newcomer's history holds every message broadcast before it entered and none after). One bounded read.
     */
    CompletionStage<List<Archived>> newest(Jid room, int count) {
        AccountId archive = AccountId.of(room);
        return inTurn(room, () -> store.query(archive, ArchiveQuery.lastPage(count)))
                .thenApplyAsync(page -> page.map(ArchivePage::messages).orElse(List.of()).stream()
                        .map(m -> new Archived(ids.encode(archive, m.id()), m.stamp(), m.stanza())).toList(),
                        continuations);
    }

    /** What a retraction came to: the archive id of the retraction it appended, or why it changed nothing. */
    record Retraction(String noticeId, StanzaErrorCondition refusal) {
    }

    /** What a retraction makes of the archived message: the tombstone to put in its place, or why it may not. */
    record Replacement(XmlElement tombstone, StanzaErrorCondition refusal) {
        static Replacement by(XmlElement tombstone) {
            return new Replacement(tombstone, null);
        }

        static Replacement refused(StanzaErrorCondition refusal) {
            return new Replacement(null, refusal);
        }
    }

    /**
     * XEP-0424 retraction (by the author, or by a moderator as XEP-0425 asks), in the room's turn: replaces message
     * {@code id} by what {@code tombstone} makes of it, then appends {@code notice} from {@code publisher} (XEP-0424
     * §5: the retraction is archived too). {@code item-not-found} when the archive holds no such message, or the
     * refusal {@code tombstone} gives; then nothing changed. If the notice cannot be appended the stage fails and the
     * tombstone stays.
     */
    CompletionStage<Retraction> retract(Jid room, String id, Function<XmlElement, Replacement> tombstone,
                                        Jid publisher, XmlElement notice) {
        AccountId archive = AccountId.of(room);
        OptionalLong sequence = ids.decode(archive, id);
        if (sequence.isEmpty()) {
            return refused(StanzaErrorCondition.ITEM_NOT_FOUND);
        }
        long target = sequence.getAsLong();
        ArchiveQuery one = new ArchiveQuery(null, null, null, null, null, List.of(target), null, null, null, false, 1);
        Instant now = Instant.now();
        return inTurn(room, () -> store.query(archive, one).thenCompose(page -> {
            List<ArchivedMessage> found = page.map(ArchivePage::messages).orElse(List.of());
            if (found.isEmpty()) {
                return refused(StanzaErrorCondition.ITEM_NOT_FOUND);
            }
            Replacement replacement = tombstone.apply(found.getFirst().stanza());
            if (replacement.refusal() != null) {
                return refused(replacement.refusal());
            }
            return store.replace(archive, target, replacement.tombstone()).thenCompose(stillThere -> !stillThere
                    ? refused(StanzaErrorCondition.ITEM_NOT_FOUND)
                    : store.append(archive, now, publisher, notice)
                            .thenApply(noticeSequence -> new Retraction(ids.encode(archive, noticeSequence), null)));
        })).thenApplyAsync(Function.identity(), continuations); // off the store's threads
    }

    private static CompletableFuture<Retraction> refused(StanzaErrorCondition condition) {
        return CompletableFuture.completedFuture(new Retraction(null, condition));
    }

    /**
     * Erases a room's messages (a room that is gone, or one created anew over what an earlier room of that name left);
     * the ids given out stay used.
     */
    void erase(Jid room) {
        inTurn(room, () -> store.deleteAll(AccountId.of(room))).exceptionally(failure -> {
            log.warn("erasing the archive of room {} failed", room, failure);
            return null;
        });
    }

    /** Starts {@code operation} once the room's previous operation has finished, failed or not. */
    private <T> CompletableFuture<T> inTurn(Jid room, Supplier<CompletionStage<T>> operation) {
        CompletableFuture<T> next = new CompletableFuture<>();
        CompletableFuture<?> previous = tails.put(room, next);
        (previous == null ? CompletableFuture.completedFuture(null) : previous).handle((result, failure) -> null)
                .thenCompose(ignored -> operation.get()).whenComplete((result, failure) -> {
                    tails.remove(room, next);
                    if (failure != null) {
                        next.completeExceptionally(failure);
                    } else {
                        next.complete(result);
                    }
                });
        return next;
    }

    /**
     * XEP-0313 §6.1.2: only who may enter the room may query its archive (never outcasts; only owners, admins and
     * members of a members-only room). A room with public logging ({@code muc#roomconfig_enablelogging}) lets them
     * all read it; otherwise only its current occupants may. Null when {@code requester} may query.
     */
    static StanzaErrorCondition refusal(Room room, Jid requester) {
        Affiliation affiliation = room.affiliation(requester);
        if (affiliation == Affiliation.OUTCAST
                || (room.config().membersOnly() && !affiliation.atLeast(Affiliation.MEMBER))) {
            return StanzaErrorCondition.FORBIDDEN;
        }
        if (!room.config().logging() && room.occupantBySession(requester) == null) {
            return StanzaErrorCondition.FORBIDDEN;
        }
        return null;
    }

    /**
     * Answers a query, a query form request or a metadata request (XEP-0313 §4, §5) the requester was allowed by
     * {@link #refusal}; anything else in the namespace is {@code feature-not-implemented}, a failed read
     * {@code internal-server-error}.
     */
    CompletionStage<XmlElement> handle(Room room, Iq iq) {
        XmlElement payload = iq.payload();
        AccountId archive = AccountId.of(room.jid());
        CompletionStage<IqReply> reply;
        if (payload.name().equals("query")) {
            reply = queries.query(new IqRequest(iq, iq.from(), room.jid()), archive);
        } else if (payload.name().equals("metadata") && iq.type() == Iq.Type.GET) {
            reply = queries.metadata(archive);
        } else {
            reply = IqReply.now(IqReply.error(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));
        }
        return reply.thenApply(answer -> switch (answer) {
            case IqReply.Result result -> iq.result(result.payload());
            case IqReply.Error error -> iq.errorReply(error.error());
        }).exceptionally(failure -> {
            log.warn("reading the archive of room {} failed", room.jid(), failure);
            return iq.errorReply(StanzaError.of(StanzaErrorCondition.INTERNAL_SERVER_ERROR));
        });
    }

    /** The error a sender gets when its message could not be archived, and so was not sent (XEP-0313 §6.1.2). */
    static StanzaError appendFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return StanzaError.of(cause instanceof StorageOverloadedException ? StanzaErrorCondition.RESOURCE_CONSTRAINT
                : StanzaErrorCondition.INTERNAL_SERVER_ERROR);
    }
}
