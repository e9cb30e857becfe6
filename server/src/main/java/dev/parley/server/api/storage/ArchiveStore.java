package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Message archives (XEP-0313), one per account, each one sequence of messages in the order they were appended.
 *
 * <p>Ids: the store assigns each appended message the archive's next sequence number (1, 2, 3, ...) in the same
 * atomic step that writes it, so the order of ids is the order of appends and a reader paging with "after the last
 * id I saw" never misses a message appended behind it. Ids are never reused, not even after {@link #deleteAll}: the
 * archive's high-water mark outlives its messages. Turning sequence numbers into the opaque ids clients see is the
 * server's business ({@code archive.ArchiveIds}), not the store's.
 *
 * <p>An append completes once durable. Storage failures complete the stage exceptionally with
 * {@link StorageException} ({@link StorageOverloadedException} when the store is saturated).
 */
public interface ArchiveStore extends AccountDataStore {
    /**
     * Appends a message to the account's archive; completes with the id it was given, once it is durable.
     *
     * @param stamp  when it was sent or received (kept to the millisecond)
     * @param with   the other party (see {@link ArchivedMessage#with})
     * @param stanza the message as archived
     */
    CompletionStage<Long> append(AccountId account, Instant stamp, Jid with, XmlElement stanza);

    /**
     * The page of the account's archive that {@code query} asks for, on one consistent view of the archive; empty
     * when an id the query names ({@link ArchiveQuery#namedIds}) is not in the archive (XEP-0313's item-not-found).
     */
    CompletionStage<Optional<ArchivePage>> query(AccountId account, ArchiveQuery query);

    /**
     * Replaces the stanza of message {@code id}, keeping its id, stamp and 'with' (a XEP-0424/XEP-0425 tombstone
     * in place of a retracted message); completes with false, changing nothing, when the archive holds no such
     * message. Completes once durable.
     */
    CompletionStage<Boolean> replace(AccountId account, long id, XmlElement stanza);

    /** The first and last message of the archive; empty when it holds none. */
    CompletionStage<Optional<ArchiveBounds>> bounds(AccountId account);

    /** Removes every message of the account; the ids already given out stay used. */
    @Override
    CompletionStage<Void> deleteAll(AccountId account);
}
