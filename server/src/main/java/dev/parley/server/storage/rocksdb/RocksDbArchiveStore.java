package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchiveBounds;
import dev.parley.server.api.storage.ArchivePage;
import dev.parley.server.api.storage.ArchiveQuery;
import dev.parley.server.api.storage.ArchiveStore;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * Message archives in their own column family ({@link ArchiveRecordCodec} has the layout). Ids come from the
 * archive's {@link StaticRow} counter, read and advanced by the append's own write task on the
 * {@link GroupCommitWriter} thread: assigning the id and writing the message are one atomic step, taken in the
 * writer's single order, so ids are visible in the order they were given and no message ever lands behind an id a
 * reader has already seen. Queries run on one RocksDB snapshot ({@link ArchiveSnapshot}).
 */
final class RocksDbArchiveStore implements ArchiveStore {
    static final int DELETE_CHUNK = 10_000;

    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    RocksDbArchiveStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletionStage<Long> append(AccountId account, Instant stamp, Jid with, XmlElement stanza) {
        byte[] partition = ArchiveRecordCodec.partition(account);
        byte[] value = ArchiveRecordCodec.encode(Objects.requireNonNull(stamp, "stamp"),
                Objects.requireNonNull(with, "with"), Objects.requireNonNull(stanza, "stanza"));
        return writer.submit(batch -> {
            StaticRow header = StaticRow.decode(batch.get(family, partition));
            long id = header.counter() + 1;
            batch.put(family, ArchiveRecordCodec.key(account, id), value);
            batch.put(family, partition, new StaticRow(id, header.rows() + 1).encode());
            return id;
        });
    }

    @Override
    public CompletionStage<Boolean> replace(AccountId account, long id, XmlElement stanza) {
        byte[] key = ArchiveRecordCodec.key(account, id);
        Objects.requireNonNull(stanza, "stanza");
        return writer.submit(batch -> {
            byte[] current = id < 1 ? null : batch.get(family, key);
            if (current == null) {
                return false;
            }
            ArchiveRecordCodec.Stored stored = ArchiveRecordCodec.decode(id, current);
            batch.put(family, key, ArchiveRecordCodec.encode(stored.stamp(), stored.with(), stanza));
            return true;
        });
    }

    @Override
    public CompletionStage<Optional<ArchivePage>> query(AccountId account, ArchiveQuery query) {
        byte[] partition = ArchiveRecordCodec.partition(account);
        Objects.requireNonNull(query, "query");
        return reads.submit(() -> {
            try (ArchiveSnapshot snapshot = new ArchiveSnapshot(db, family, account, partition)) {
                return snapshot.query(query);
            }
        });
    }

    @Override
    public CompletionStage<Optional<ArchiveBounds>> bounds(AccountId account) {
        byte[] partition = ArchiveRecordCodec.partition(account);
        return reads.submit(() -> {
            try (ArchiveSnapshot snapshot = new ArchiveSnapshot(db, family, account, partition)) {
                return snapshot.bounds();
            }
        });
    }

    /**
     * Removes the messages and keeps the counter, so a later account of the same name never reuses an id. A large
     * archive goes in several writes of {@link #DELETE_CHUNK} messages, so neither memory nor one batch grows with it.
     */
    @Override
    public CompletionStage<Void> deleteAll(AccountId account) {
        byte[] partition = ArchiveRecordCodec.partition(account);
        return writer.submit(batch -> {
            StaticRow header = StaticRow.decode(batch.get(family, partition));
            List<byte[]> keys = batch.keys(family, partition, DELETE_CHUNK + 1);
            int deleted = 0;
            for (byte[] key : keys) {
                if (!StaticRow.isStaticRow(key, partition) && deleted < DELETE_CHUNK) {
                    batch.delete(family, key);
                    deleted++;
                }
            }
            if (header.counter() > 0) {
                batch.put(family, partition, new StaticRow(header.counter(), Math.max(0, header.rows() - deleted))
                        .encode());
            }
            return deleted == DELETE_CHUNK;
        }).thenCompose(more -> more ? deleteAll(account) : CompletableFuture.completedFuture(null));
    }
}
