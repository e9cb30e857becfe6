package dev.parley.server.storage.rocksdb;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * Walks, in key order, the entries of one column family whose keys start with a prefix (one partition, or a range
 * of leading clustering components), on a consistent snapshot. Use on a read thread and close it there.
 *
 * <pre>
 * try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
 *     while (cursor.next()) { ... cursor.key() ... cursor.value() ... }
 * }
 * </pre>
 */
final class PrefixCursor implements AutoCloseable {
    private final byte[] prefix;
    private final byte[] startAfter;
    private final Slice upperBound;
    private final ReadOptions readOptions;
    private final RocksIterator iterator;
    private boolean started;

    private PrefixCursor(RocksDB db, ColumnFamilyHandle family, byte[] prefix, byte[] startAfter) {
        this.prefix = prefix;
        this.startAfter = startAfter;
        byte[] bound = OrderedKey.upperBound(prefix);
        this.upperBound = bound == null ? null : new Slice(bound);
        this.readOptions = new ReadOptions();
        if (upperBound != null) {
            // Lets RocksDB stop at the partition's end instead of reading on through the next partition's tombstones.
            readOptions.setIterateUpperBound(upperBound);
        }
        this.iterator = db.newIterator(family, readOptions);
    }

    /**
     * @param startAfter {@code null} to start at the first entry of the prefix, else a key (present or not) to start
     *                   strictly after; it must start with {@code prefix}
     */
    static PrefixCursor open(RocksDB db, ColumnFamilyHandle family, byte[] prefix, byte[] startAfter) {
        if (startAfter != null && !OrderedKey.startsWith(startAfter, prefix)) {
            throw new IllegalArgumentException("startAfter lies outside the prefix");
        }
        return new PrefixCursor(db, family, prefix, startAfter);
    }

    /** Moves to the next entry; {@code false} once past the prefix. */
    boolean next() throws RocksDBException {
        if (started) {
            iterator.next();
        } else {
            started = true;
            iterator.seek(startAfter == null ? prefix : startAfter);
            if (startAfter != null && iterator.isValid() && Arrays.equals(iterator.key(), startAfter)) {
                iterator.next();
            }
        }
        if (!iterator.isValid()) {
            iterator.status();
            return false;
        }
        return OrderedKey.startsWith(iterator.key(), prefix);
    }

    byte[] key() {
        return iterator.key();
    }

    byte[] value() {
        return iterator.value();
    }

    @Override
    public void close() {
        iterator.close();
        readOptions.close();
        if (upperBound != null) {
            upperBound.close();
        }
    }
}
