package dev.parley.server.storage.rocksdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;

/**
 * The batch a {@link GroupCommitWriter.WriteTask} writes into. Reads see the committed data overlaid with the writes
 * of the tasks placed earlier in the same batch, so a check-and-write stays correct when two conflicting writes end up
 * in one group commit.
 *
 * <p>Valid only inside {@link GroupCommitWriter.WriteTask#apply} on the writer thread; never keep a reference.
 */
public final class PendingBatch {
    private final RocksDB db;
    private final WriteBatchWithIndex batch;
    private final ReadOptions readOptions;

    PendingBatch(RocksDB db, WriteBatchWithIndex batch, ReadOptions readOptions) {
        this.db = db;
        this.batch = batch;
        this.readOptions = readOptions;
    }

    /** The value under {@code key}, or {@code null}: this batch's pending write if any, else the committed value. */
    public byte[] get(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
        return batch.getFromBatchAndDB(db, family, readOptions, Objects.requireNonNull(key, "key"));
    }

    /** The keys starting with {@code prefix}, committed or written earlier in this batch and not deleted, in order. */
    public List<byte[]> keys(ColumnFamilyHandle family, byte[] prefix) throws RocksDBException {
        return keys(family, prefix, Integer.MAX_VALUE);
    }

    /** The first {@code limit} of {@link #keys(ColumnFamilyHandle, byte[])}, for partitions too large to list. */
    public List<byte[]> keys(ColumnFamilyHandle family, byte[] prefix, int limit) throws RocksDBException {
        List<byte[]> keys = new ArrayList<>();
        // The merged iterator takes over the base iterator's native handle; closing both is safe.
        try (RocksIterator committed = db.newIterator(family, readOptions);
             RocksIterator merged = batch.newIteratorWithBase(family, committed, readOptions)) {
            for (merged.seek(prefix); keys.size() < limit && merged.isValid()
                    && OrderedKey.startsWith(merged.key(), prefix); merged.next()) {
                keys.add(merged.key());
            }
            merged.status();
        }
        return keys;
    }

    public void put(ColumnFamilyHandle family, byte[] key, byte[] value) throws RocksDBException {
        batch.put(family, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public void delete(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
        batch.delete(family, Objects.requireNonNull(key, "key"));
    }

    /** Deletes every key starting with {@code prefix}, for ranges small enough to list at once. */
    public void deleteUnder(ColumnFamilyHandle family, byte[] prefix) throws RocksDBException {
        for (byte[] key : keys(family, prefix)) {
            delete(family, key);
        }
    }
}
