package dev.parley.server.offline;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.OfflineMessage;
import dev.parley.server.api.storage.OfflineStore;
import dev.parley.server.api.storage.StorageOverloadedException;
import dev.parley.server.routing.Effect;
import dev.parley.server.routing.OfflineHandling;
import dev.parley.server.session.ClientSession;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Offline messages (XEP-0160): kept durably, up to a per-account quota, when the account has no resource to take them
 * (RFC 6121 §8.5.2.2.1), and handed in order, each with an XEP-0203 {@code <delay/>}, to the next resource that becomes
 * available with a non-negative priority; removed only once handed over.
 *
 * <p>Order with live traffic: the resource holds back new messages while the stored ones go out
 * ({@link ClientSession#holdMessages()}, by the presence code that makes it available). The queue is read until a
 * read finds it empty after a removal went through the store's single writer, so a message stored just before the
 * resource became available is not left behind.
 */
public final class OfflineMessages implements OfflineHandling {
    private static final Logger log = LoggerFactory.getLogger(OfflineMessages.class);
    /** XEP-0203 stamps are XEP-0082 date-times in UTC; milliseconds is what the store keeps. */
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final int PAGE = 100;

    private final OfflineStore store;
    private final int quota;
    private final Clock clock;
    private final Executor continuations;
    private final AtomicLong lastId = new AtomicLong();
    private final Set<Jid> draining = ConcurrentHashMap.newKeySet();

    public OfflineMessages(OfflineStore store, int quota, Clock clock, Executor continuations) {
        this.store = store;
        this.quota = quota;
        this.clock = clock;
        this.continuations = continuations;
    }

    @Override
    public CompletionStage<Optional<StanzaError>> store(Message message) {
        switch (OfflinePolicy.of(message)) {
            case DISCARD:
                return CompletableFuture.completedFuture(Optional.empty());
            case REFUSE:
                return refused("The recipient is offline and the message asks not to be stored");
            case STORE:
                break;
        }
        Instant now = clock.instant();
        OfflineMessage offline = new OfflineMessage(nextId(now), now, message.element());
        return store.append(account(message.to()), offline, quota).handleAsync((stored, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                log.warn("could not store an offline message for {}: {}", message.to().bare(), cause.getMessage());
                return Optional.of(StanzaError.of(cause instanceof StorageOverloadedException
                        ? StanzaErrorCondition.RESOURCE_CONSTRAINT : StanzaErrorCondition.INTERNAL_SERVER_ERROR));
            }
            if (stored) {
                return Optional.<StanzaError>empty();
            }
            return Optional.of(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE,
                    "The recipient is offline and can receive no more messages"));
        }, continuations);
    }

    /**
     * Hands the account's stored messages to {@code session} with {@link ClientSession#deliverStored}, oldest first;
     * completes (never exceptionally) when they are handed over and removed. Does nothing while another resource of
     * the account is being served. The caller holds the session's newer messages back meanwhile.
     */
    public CompletionStage<Void> deliverTo(ClientSession session) {
        Jid owner = session.jid().bare();
        if (!draining.add(owner)) {
            return CompletableFuture.completedFuture(null);
        }
        return drain(session, false).whenComplete((done, failure) -> {
            draining.remove(owner);
            if (failure != null) {
                log.warn("offline delivery to {} stopped: {}", session.jid(), failure.getMessage());
            }
        }).exceptionally(failure -> null);
    }

    /** One page; {@code settled} once a removal went through the writer since the drain began. */
    private CompletionStage<Void> drain(ClientSession session, boolean settled) {
        AccountId owner = account(session.jid());
        return store.list(owner, PAGE).thenComposeAsync(page -> {
            if (page.isEmpty() && settled) {
                return CompletableFuture.completedFuture(null);
            }
            page.forEach(stored -> session.deliverStored(delayed(stored, session.jid().domain())));
            return store.remove(owner, page.stream().map(OfflineMessage::id).toList())
                    .thenComposeAsync(removed -> drain(session, true), continuations);
        }, continuations);
    }

    /**
     * The stored message with {@code <delay xmlns='urn:xmpp:delay' from='domain' stamp='...'/>} (XEP-0203 §3). A message
     * that carries a delay already (one re-routed after its session ended unacknowledged, XEP-0198) keeps it: it
     * tells the earlier, truer time, and XEP-0203 allows one delay per entity that held the stanza.
     */
    private static Stanza delayed(OfflineMessage stored, String domain) {
        if (stored.stanza().child("delay", Namespaces.DELAY).isPresent()) {
            return Effect.generated(stored.stanza());
        }
        XmlElement delay = XmlElement.builder("delay", Namespaces.DELAY).attribute("from", domain)
                .attribute("stamp", STAMP.format(stored.stored())).build();
        return Effect.generated(stored.stanza().withChild(delay));
    }

    private long nextId(Instant now) {
        long floor = now.toEpochMilli() * 1000;
        return lastId.updateAndGet(last -> Math.max(last + 1, floor));
    }

    private static CompletionStage<Optional<StanzaError>> refused(String text) {
        return CompletableFuture.completedFuture(
                Optional.of(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE, text)));
    }

    private static AccountId account(Jid jid) {
        return new AccountId(jid.domain(), jid.local());
    }
}
