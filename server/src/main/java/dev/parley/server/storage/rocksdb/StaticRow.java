package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.StorageException;
import java.nio.ByteBuffer;

/**
 * Per-partition data kept under the partition key itself, beside the partition's rows (Cassandra's static columns):
 * a roster's version and size, an offline queue's size. The key is the exact prefix of every row of the partition
 * and sorts first, so a scan of the partition meets it first and {@link #isStaticRow} lets it skip it.
 *
 * <p>Value, version 1, big-endian: {@code u8 version = 1, i64 counter, i32 rows}.
 */
record StaticRow(long counter, int rows) {
    private static final int VERSION = 1;
    private static final int LENGTH = 1 + 8 + 4;
    static final StaticRow EMPTY = new StaticRow(0, 0);

    static StaticRow decode(byte[] value) {
        if (value == null) {
            return EMPTY;
        }
        if (value.length != LENGTH || value[0] != VERSION) {
            throw new StorageException("corrupt partition header ("
                    + value.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(value, 1, LENGTH - 1);
        return new StaticRow(in.getLong(), in.getInt());
    }

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put((byte) VERSION).putLong(counter).putInt(rows).array();
    }

    static boolean isStaticRow(byte[] key, byte[] partition) {
        return key.length == partition.length;
    }
}
