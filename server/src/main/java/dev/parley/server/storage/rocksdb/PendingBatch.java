package dev.parley.server.storage.rocksdb;

import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
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

    public void put(ColumnFamilyHandle family, byte[] key, byte[] value) throws RocksDBException {
        batch.put(family, Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public void delete(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
        batch.delete(family, Objects.requireNonNull(key, "key"));
    }
}
