package dev.parley.server.archive;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchiveStore;
import dev.parley.server.api.storage.StorageOverloadedException;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.auth.AccountService;
import dev.parley.server.config.Archive;
import dev.parley.server.routing.ArchiveHandling;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.xml.XmlElement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives messages on their way to a local account (XEP-0313 §5): in the sender's archive when the sender is a
 * local account (outgoing) and in the recipient's (incoming), both written durably before the message is delivered,
 * once for a message an account sends itself. The delivered copy carries the recipient's archive id as
 * {@code <stanza-id by='recipient@domain'/>} (XEP-0359 §4, XEP-0313 §5.1.1); the sender's archive id is not added to
 * what the recipient sees (XEP-0313 forbids it), it goes only into the sender's view of the message, which the sent
 * carbons to the sender's other clients forward (§5.1.1: "as a child of the forwarded message"). Which messages
 * qualify is {@link ArchivePolicy}; each account's {@link ArchivePreferences} can exclude the other party.
 *
 * <p>Before anything else, {@code <stanza-id/>} elements claiming to be by the recipient, the sender's local account
 * or the server are removed (XEP-0359 §5: only the server may vouch for such ids). A message whose XEP-0359
 * origin-id its sender used in the last {@code archive.dedupe-window} is handled without being delivered or archived
 * again ({@link OriginIdWindow}). A failed archive write refuses the message: {@code resource-constraint} when the
 * store is overloaded, {@code internal-server-error} otherwise; an outgoing copy written before the incoming one
 * failed stays in the sender's archive (the two archives are written independently, as separate owners will write
 * them in a cluster).
 */
public final class MessageArchive implements ArchiveHandling {
    private static final Logger log = LoggerFactory.getLogger(MessageArchive.class);
    private static final CompletableFuture<Long> NOT_ARCHIVED = CompletableFuture.completedFuture(0L);

    private final ArchiveStore store;
    private final ArchivePreferences preferences;
    private final ArchiveIds ids;
    private final OriginIdWindow recentOriginIds;
    private final AccountService accounts;
    private final Clock clock;
    private final Executor continuations;
    private final int pageCap;

    MessageArchive(ArchiveStore store, ArchivePreferences preferences, ArchiveIds ids, OriginIdWindow recentOriginIds,
                   AccountService accounts, Clock clock, Executor continuations, int pageCap) {
        this.store = store;
        this.preferences = preferences;
        this.ids = ids;
        this.recentOriginIds = recentOriginIds;
        this.accounts = accounts;
        this.clock = clock;
        this.continuations = continuations;
        this.pageCap = pageCap;
    }

    /**
     * The archive of a node: ids keyed by the secret in {@code dataDir}, preferences in the key-value store.
     *
     * @param continuations where work resumes after a storage call (never on the store's threads)
     * @throws IOException if the id secret cannot be read or created
     */
    public static MessageArchive create(StorageProvider storage, AccountService accounts, Archive settings,
                                        Path dataDir, Clock clock, Executor continuations) throws IOException {
        return new MessageArchive(storage.archive(), new ArchivePreferences(storage.keyValues(), storage.roster()),
                ArchiveIds.open(dataDir), new OriginIdWindow(settings.dedupeWindow(), clock), accounts, clock,
                continuations, settings.maxPageSize());
    }

    /**
     * Registers the account-scope IQs (query, metadata, preferences) and the disco features: urn:xmpp:mam:2 and
     * #extended (XEP-0313 §7), urn:xmpp:sid:0 (XEP-0359 §6) on accounts, where the ids are added.
     */
    public void registerHandlers(IqHandlers iqHandlers, SessionRegistry sessions) {
        MamQueries queries = new MamQueries(store, ids, pageCap, sessions, continuations);
        iqHandlers.register(IqScope.ACCOUNT, "query", Namespaces.MAM, queries::query, Namespaces.MAM,
                Namespaces.MAM + "#extended", Namespaces.STANZA_ID);
        iqHandlers.register(IqScope.ACCOUNT, "metadata", Namespaces.MAM, IqHandler.getOnly(queries::metadata));
        iqHandlers.register(IqScope.ACCOUNT, "prefs", Namespaces.MAM, preferences::handle);
    }

    @Override
    public CompletionStage<Decision> beforeDelivery(Message message, Jid recipient) {
        Jid from = message.from();
        Jid sender = from != null && from.local() != null && accounts.isHosted(from) ? from.bare() : null;
        Message clean = withoutForgedIds(message, recipient, sender);
        String originId = sender == null || message.type() == Message.Type.ERROR || !recentOriginIds.enabled() ? null
                : clean.element().child("origin-id", Namespaces.STANZA_ID).map(e -> e.attribute("id")).orElse(null);
        if (originId == null) {
            return archive(clean, recipient.bare(), sender);
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> earlier = recentOriginIds.claim(sender, originId, mine);
        if (earlier != null) {
            return earlier.thenCompose(accepted -> accepted
                    ? CompletableFuture.completedFuture(new AlreadyHandled())
                    : archive(clean, recipient.bare(), sender));
        }
        return archive(clean, recipient.bare(), sender).whenComplete((decision, failure) -> {
            boolean accepted = decision instanceof Deliver;
            if (!accepted) {
                recentOriginIds.forget(sender, originId, mine);
            }
            mine.complete(accepted);
        });
    }

    private CompletionStage<Decision> archive(Message message, Jid recipient, Jid sender) {
        Jid from = message.from();
        if (!ArchivePolicy.archivable(message) || from == null) {
            return CompletableFuture.completedFuture(new Deliver(message, message));
        }
        Instant now = clock.instant();
        AccountId incoming = AccountId.of(recipient);
        boolean outgoing = sender != null && !sender.equals(recipient);
        Jid to = message.to() != null ? message.to() : recipient;
        AccountId outgoingArchive = outgoing ? AccountId.of(sender) : null;
        CompletionStage<Long> sent = outgoing ? append(outgoingArchive, to, message, now) : NOT_ARCHIVED;
        CompletionStage<Long> received = append(incoming, from, message, now);
        return sent.thenCombine(received, ArchivedIds::new).handleAsync((archived, failure) -> failure != null
                ? refusal(recipient, failure)
                : new Deliver(identified(message, recipient, incoming, archived.received()),
                        identified(message, sender, outgoingArchive, archived.sent())), continuations);
    }

    /** The sequences a message got in its sender's and its recipient's archives, 0 where it was not archived. */
    private record ArchivedIds(long sent, long received) {
    }

    /** {@code message} carrying the id of entry {@code sequence} in {@code archive}, or as is when not archived (0). */
    private Message identified(Message message, Jid archiveJid, AccountId archive, long sequence) {
        return sequence == 0 ? message : withStanzaId(message, archiveJid, ids.encode(archive, sequence));
    }

    private CompletionStage<Long> append(AccountId account, Jid other, Message message, Instant now) {
        return preferences.archives(account, other).thenCompose(archives -> archives
                ? store.append(account, now, other, message.element()) : NOT_ARCHIVED);
    }

    private static Decision refusal(Jid recipient, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        log.warn("could not archive a message to {}: {}", recipient, cause.toString());
        return new Refuse(StanzaError.of(cause instanceof StorageOverloadedException
                ? StanzaErrorCondition.RESOURCE_CONSTRAINT : StanzaErrorCondition.INTERNAL_SERVER_ERROR));
    }

    /** XEP-0359 §5: removes stanza-ids "by" an entity the server speaks for, which only the server may add. */
    static Message withoutForgedIds(Message message, Jid recipient, Jid sender) {
        XmlElement element = message.element();
        if (element.child("stanza-id", Namespaces.STANZA_ID).isEmpty()) {
            return message;
        }
        Set<String> ours = new HashSet<>(List.of(recipient.bare().toString(), recipient.domain()));
        if (sender != null) {
            ours.add(sender.toString());
        }
        return (Message) message.withElement(element.withoutChildren(node -> node instanceof XmlElement child
                && child.is("stanza-id", Namespaces.STANZA_ID) && claimsToBeBy(child, ours)));
    }

    private static boolean claimsToBeBy(XmlElement stanzaId, Set<String> ours) {
        String by = stanzaId.attribute("by");
        return by == null || Jid.tryParse(by).map(jid -> ours.contains(jid.toString())).orElse(true);
    }

    private static Message withStanzaId(Message message, Jid archive, String id) {
        return (Message) message.withElement(message.element().withChild(XmlElement.builder("stanza-id",
                Namespaces.STANZA_ID).attribute("by", archive.toString()).attribute("id", id).build()));
    }
}
