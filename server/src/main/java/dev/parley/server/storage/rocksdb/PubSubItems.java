package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubItem;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.storage.rocksdb.PubSubCodec.NodeRow;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The items of {@link RocksDbPubSubStore}'s nodes, in the same column family and partition:
 * <ul>
 *   <li>{@code text("s") text(node) int64(sequence)}: an item ({@link PubSubCodec} item value), in publication
 *       order, so the newest items are the end of one range;</li>
 *   <li>{@code text("i") text(node) text(item id)}: the item's sequence number, for look-up and replacement by id.</li>
 * </ul>
 * The node row keeps the next sequence number and the item count; the writes here that change either return or write
 * the new row, within the caller's check-and-write step.
 */
final class PubSubItems {
    private static final String ITEMS = "s";
    private static final String IDS = "i";

    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    PubSubItems(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    /**
     * In {@code batch}: stores {@code value} as the newest item of {@code node}, whose row is {@code row}, replacing
     * the item under {@code idKey} and trimming the node to {@code maxItems}; returns the node's row afterwards.
     */
    NodeRow add(PendingBatch batch, AccountId owner, String node, NodeRow row, byte[] idKey, byte[] value,
                int maxItems) throws RocksDBException {
        int items = row.items();
        byte[] replaced = batch.get(family, idKey);
        if (replaced != null) {
            batch.delete(family, itemKey(owner, node, sequence(replaced)));
            items--;
        }
        long sequence = row.nextSequence();
        batch.put(family, itemKey(owner, node, sequence), value);
        batch.put(family, idKey, ByteBuffer.allocate(8).putLong(sequence).array());
        return new NodeRow(sequence + 1, trim(batch, owner, node, items + 1, maxItems), row.options());
    }

    /** Up to {@code max} of the node's newest items, oldest first. */
    CompletionStage<List<PubSubItem>> newest(AccountId owner, String node, int max) {
        byte[] prefix = itemPrefix(owner, node);
        RocksDbPubSubStore.requirePositive(max, "max");
        return reads.submit(() -> {
            // Nodes are bounded by their max_items, so a forward scan keeping the tail is cheap enough.
            Deque<byte[]> newest = new ArrayDeque<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    newest.addLast(cursor.value());
                    if (newest.size() > max) {
                        newest.removeFirst();
                    }
                }
            }
            return newest.stream().map(PubSubCodec::decodeItem).toList();
        });
    }

    /** The node's items with these ids, oldest first. */
    CompletionStage<List<PubSubItem>> withIds(AccountId owner, String node, Collection<String> ids) {
        List<byte[]> idKeys = Objects.requireNonNull(ids, "ids").stream().map(id -> idKey(owner, node, id)).toList();
        return reads.submit(() -> {
            TreeMap<Long, PubSubItem> found = new TreeMap<>();
            for (byte[] idKey : idKeys) {
                byte[] sequence = db.get(family, idKey);
                byte[] value = sequence == null ? null : db.get(family, itemKey(owner, node, sequence(sequence)));
                if (value != null) {
                    found.put(sequence(sequence), PubSubCodec.decodeItem(value));
                }
            }
            return List.copyOf(found.values());
        });
    }

    /** Removes one item and counts it out of the node row under {@code nodeKey}; false when there was none. */
    CompletionStage<Boolean> retract(AccountId owner, String node, byte[] nodeKey, String itemId) {
        byte[] idKey = idKey(owner, node, itemId);
        return writer.submit(batch -> {
            byte[] sequence = batch.get(family, idKey);
            if (sequence == null) {
                return false;
            }
            batch.delete(family, idKey);
            batch.delete(family, itemKey(owner, node, sequence(sequence)));
            NodeRow row = PubSubCodec.decodeNode(batch.get(family, nodeKey));
            batch.put(family, nodeKey, PubSubCodec.encodeNode(
                    new NodeRow(row.nextSequence(), row.items() - 1, row.options())));
            return true;
        });
    }

    /** Removes the oldest items beyond {@code maxItems}; returns how many are left. */
    int trim(PendingBatch batch, AccountId owner, String node, int items, int maxItems) throws RocksDBException {
        if (items <= maxItems) {
            return items;
        }
        List<byte[]> keys = batch.keys(family, itemPrefix(owner, node));
        int excess = keys.size() - maxItems;
        for (int i = 0; i < excess; i++) {
            byte[] itemKey = keys.get(i);
            batch.delete(family, idKey(owner, node, PubSubCodec.itemId(batch.get(family, itemKey))));
            batch.delete(family, itemKey);
        }
        return Math.min(keys.size(), maxItems);
    }

    /** Removes every item of the node, as part of purging or deleting it; the caller updates the node row. */
    void deleteAll(PendingBatch batch, AccountId owner, String node) throws RocksDBException {
        batch.deleteUnder(family, itemPrefix(owner, node));
        batch.deleteUnder(family, idPrefix(owner, node));
    }

    /** The key of an item's id, which also checks the node name and the id (before anything is submitted). */
    static byte[] idKey(AccountId owner, String node, String id) {
        return RocksDbPubSubStore.partition(owner).text(IDS).text(PubSubStore.requireName(node))
                .text(PubSubStore.requireName(id)).build();
    }

    private static byte[] itemPrefix(AccountId owner, String node) {
        return RocksDbPubSubStore.partition(owner).text(ITEMS).text(PubSubStore.requireName(node)).build();
    }

    private static byte[] itemKey(AccountId owner, String node, long sequence) {
        return RocksDbPubSubStore.partition(owner).text(ITEMS).text(node).int64(sequence).build();
    }

    private static byte[] idPrefix(AccountId owner, String node) {
        return RocksDbPubSubStore.partition(owner).text(IDS).text(PubSubStore.requireName(node)).build();
    }

    private static long sequence(byte[] stored) {
        return ByteBuffer.wrap(stored).getLong();
    }
}
