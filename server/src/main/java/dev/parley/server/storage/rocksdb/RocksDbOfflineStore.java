package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.OfflineMessage;
import dev.parley.server.api.storage.OfflineStore;
import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.XmlCodec;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * Offline messages in their own column family. Key: {@code text(domain) text(username) int64(id)}, so an account's
 * queue is one contiguous range in id order; the account's {@link StaticRow} counts its messages, which makes the
 * quota check one read inside the atomic write. Value, version 1: {@code u8 version = 1, i64 stored (ms since the
 * epoch)}, then the stanza in {@link XmlCodec} form to the end.
 */
final class RocksDbOfflineStore implements OfflineStore {
    private static final int VERSION = 1;
    private static final int HEADER = 1 + 8;

    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    RocksDbOfflineStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletionStage<Boolean> append(AccountId owner, OfflineMessage message, int quota) {
        byte[] partition = partition(owner);
        byte[] key = key(owner, Objects.requireNonNull(message, "message").id());
        if (quota < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + quota);
        }
        byte[] value = encode(message);
        return writer.submit(batch -> {
            StaticRow header = StaticRow.decode(batch.get(family, partition));
            boolean replacing = batch.get(family, key) != null;
            if (!replacing && header.rows() >= quota) {
                return false;
            }
            batch.put(family, key, value);
            if (!replacing) {
                batch.put(family, partition, new StaticRow(0, header.rows() + 1).encode());
            }
            return true;
        });
    }

    @Override
    public CompletionStage<List<OfflineMessage>> list(AccountId owner, int limit) {
        byte[] partition = partition(owner);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return reads.submit(() -> {
            List<OfflineMessage> page = new ArrayList<>(Math.min(limit, 256));
            try (PrefixCursor cursor = PrefixCursor.open(db, family, partition, null)) {
                while (page.size() < limit && cursor.next()) {
                    if (!StaticRow.isStaticRow(cursor.key(), partition)) {
                        page.add(decode(idOf(cursor.key()), cursor.value()));
                    }
                }
            }
            return page;
        });
    }

    @Override
    public CompletionStage<Void> remove(AccountId owner, Collection<Long> ids) {
        byte[] partition = partition(owner);
        List<byte[]> keys = Objects.requireNonNull(ids, "ids").stream().map(id -> key(owner, id)).toList();
        return writer.submit(batch -> {
            int rows = StaticRow.decode(batch.get(family, partition)).rows();
            for (byte[] key : keys) {
                if (batch.get(family, key) != null) {
                    batch.delete(family, key);
                    rows--;
                }
            }
            if (rows > 0) {
                batch.put(family, partition, new StaticRow(0, rows).encode());
            } else {
                batch.delete(family, partition);
            }
            return null;
        });
    }

    /** Removes the account's queue, its size row included. */
    @Override
    public CompletionStage<Void> deleteAll(AccountId owner) {
        byte[] partition = partition(owner);
        return writer.submit(batch -> {
            for (byte[] key : batch.keys(family, partition)) {
                batch.delete(family, key);
            }
            return null;
        });
    }

    private static byte[] encode(OfflineMessage message) {
        byte[] stanza = XmlCodec.encode(message.stanza());
        return ByteBuffer.allocate(HEADER + stanza.length).put((byte) VERSION)
                .putLong(message.stored().toEpochMilli()).put(stanza).array();
    }

    private static OfflineMessage decode(long id, byte[] value) {
        if (value.length < HEADER || value[0] != VERSION) {
            throw new StorageException("corrupt offline message " + id);
        }
        long stored = ByteBuffer.wrap(value, 1, 8).getLong();
        return new OfflineMessage(id, Instant.ofEpochMilli(stored),
                XmlCodec.decode(Arrays.copyOfRange(value, HEADER, value.length)));
    }

    private static long idOf(byte[] key) {
        OrderedKey.Reader reader = OrderedKey.reader(key);
        reader.text();
        reader.text();
        return reader.int64();
    }

    private static byte[] partition(AccountId owner) {
        Objects.requireNonNull(owner, "owner");
        return OrderedKey.builder().text(owner.domain()).text(owner.username()).build();
    }

    private static byte[] key(AccountId owner, long id) {
        return OrderedKey.builder().text(owner.domain()).text(owner.username()).int64(id).build();
    }
}
