package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubItem;
import dev.parley.server.api.storage.PubSubNode;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.storage.rocksdb.PubSubCodec.NodeRow;
import dev.parley.xmpp.jid.Jid;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Pubsub nodes and items in their own column family, keys in {@link OrderedKey} form under the account's partition
 * {@code text(domain) text(username)}:
 * <ul>
 *   <li>the partition key itself: a {@link StaticRow} counting the account's nodes (for the node limit);</li>
 *   <li>{@code text("n") text(node)}: the node ({@link PubSubCodec} node row: configuration, next sequence number,
 *       item count), so listing nodes is one range;</li>
 *   <li>{@code text("s") text(node) int64(sequence)}: an item, in publication order;</li>
 *   <li>{@code text("i") text(node) text(item id)}: the item's sequence number, for look-up and replacement by id;</li>
 *   <li>subscriptions and affiliations as {@link PubSubMembership} lays them out.</li>
 * </ul>
 * Writes are {@link GroupCommitWriter} tasks, so each check-and-write (auto-create, replace, trim) is atomic.
 */
final class RocksDbPubSubStore implements PubSubStore {
    private static final String NODES = "n";
    private static final String ITEMS = "s";
    private static final String IDS = "i";

    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;
    private final PubSubMembership membership;

    RocksDbPubSubStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
        this.membership = new PubSubMembership(db, family, writer, reads);
    }

    @Override
    public CompletionStage<Optional<PubSubNode>> node(AccountId owner, String node) {
        byte[] key = nodeKey(owner, node);
        return reads.submit(() -> Optional.ofNullable(db.get(family, key))
                .map(value -> new PubSubNode(node, PubSubCodec.decodeNode(value).options())));
    }

    @Override
    public CompletionStage<List<PubSubNode>> nodes(AccountId owner) {
        byte[] prefix = partition(owner).text(NODES).build();
        return reads.submit(() -> {
            List<PubSubNode> nodes = new ArrayList<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    OrderedKey.Reader key = OrderedKey.reader(cursor.key());
                    key.text();
                    key.text();
                    key.text();
                    nodes.add(new PubSubNode(key.text(), PubSubCodec.decodeNode(cursor.value()).options()));
                }
            }
            return nodes;
        });
    }

    @Override
    public CompletionStage<Outcome> createNode(AccountId owner, PubSubNode node, int maxNodes) {
        byte[] key = nodeKey(owner, Objects.requireNonNull(node, "node").name());
        requirePositive(maxNodes, "maxNodes");
        byte[] partition = partition(owner).build();
        return writer.submit(batch -> batch.get(family, key) != null ? Outcome.EXISTS
                : create(batch, partition, key, node, maxNodes));
    }

    @Override
    public CompletionStage<Boolean> configureNode(AccountId owner, PubSubNode node, int maxItems) {
        byte[] key = nodeKey(owner, Objects.requireNonNull(node, "node").name());
        requirePositive(maxItems, "maxItems");
        return writer.submit(batch -> {
            byte[] stored = batch.get(family, key);
            if (stored == null) {
                return false;
            }
            NodeRow row = PubSubCodec.decodeNode(stored);
            int items = trim(batch, owner, node.name(), row.items(), maxItems);
            batch.put(family, key, PubSubCodec.encodeNode(new NodeRow(row.nextSequence(), items, node.options())));
            return true;
        });
    }

    @Override
    public CompletionStage<Boolean> deleteNode(AccountId owner, String node) {
        byte[] key = nodeKey(owner, node);
        byte[] partition = partition(owner).build();
        return writer.submit(batch -> {
            if (batch.get(family, key) == null) {
                return false;
            }
            batch.delete(family, key);
            deleteAllUnder(batch, itemPrefix(owner, node));
            deleteAllUnder(batch, idPrefix(owner, node));
            membership.deleteAll(batch, owner, node);
            int nodes = StaticRow.decode(batch.get(family, partition)).rows() - 1;
            if (nodes > 0) {
                batch.put(family, partition, new StaticRow(0, nodes).encode());
            } else {
                batch.delete(family, partition);
            }
            return true;
        });
    }

    @Override
    public CompletionStage<Outcome> publish(AccountId owner, PubSubNode node, PubSubItem item, int maxItems,
                                            int maxNodes) {
        String name = Objects.requireNonNull(node, "node").name();
        byte[] key = nodeKey(owner, name);
        byte[] idKey = idKey(owner, name, Objects.requireNonNull(item, "item").id());
        requirePositive(maxItems, "maxItems");
        requirePositive(maxNodes, "maxNodes");
        byte[] partition = partition(owner).build();
        byte[] value = PubSubCodec.encodeItem(item);
        return writer.submit(batch -> {
            if (batch.get(family, key) == null
                    && create(batch, partition, key, node, maxNodes) == Outcome.TOO_MANY_NODES) {
                return Outcome.TOO_MANY_NODES;
            }
            NodeRow row = PubSubCodec.decodeNode(batch.get(family, key));
            int items = row.items();
            byte[] replaced = batch.get(family, idKey);
            if (replaced != null) {
                batch.delete(family, itemKey(owner, name, sequence(replaced)));
                items--;
            }
            long sequence = row.nextSequence();
            batch.put(family, itemKey(owner, name, sequence), value);
            batch.put(family, idKey, ByteBuffer.allocate(8).putLong(sequence).array());
            items = trim(batch, owner, name, items + 1, maxItems);
            batch.put(family, key, PubSubCodec.encodeNode(new NodeRow(sequence + 1, items, row.options())));
            return Outcome.DONE;
        });
    }

    @Override
    public CompletionStage<List<PubSubItem>> items(AccountId owner, String node, int max) {
        byte[] prefix = itemPrefix(owner, node);
        requirePositive(max, "max");
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

    @Override
    public CompletionStage<List<PubSubItem>> items(AccountId owner, String node, Collection<String> ids) {
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

    @Override
    public CompletionStage<Boolean> retract(AccountId owner, String node, String itemId) {
        byte[] key = nodeKey(owner, node);
        byte[] idKey = idKey(owner, node, itemId);
        return writer.submit(batch -> {
            byte[] sequence = batch.get(family, idKey);
            if (sequence == null) {
                return false;
            }
            batch.delete(family, idKey);
            batch.delete(family, itemKey(owner, node, sequence(sequence)));
            NodeRow row = PubSubCodec.decodeNode(batch.get(family, key));
            batch.put(family, key, PubSubCodec.encodeNode(
                    new NodeRow(row.nextSequence(), row.items() - 1, row.options())));
            return true;
        });
    }

    @Override
    public CompletionStage<Boolean> purge(AccountId owner, String node) {
        byte[] key = nodeKey(owner, node);
        return writer.submit(batch -> {
            byte[] stored = batch.get(family, key);
            if (stored == null) {
                return false;
            }
            deleteAllUnder(batch, itemPrefix(owner, node));
            deleteAllUnder(batch, idPrefix(owner, node));
            NodeRow row = PubSubCodec.decodeNode(stored);
            batch.put(family, key, PubSubCodec.encodeNode(new NodeRow(row.nextSequence(), 0, row.options())));
            return true;
        });
    }

    @Override
    public CompletionStage<Change> subscribe(AccountId owner, String node, Jid subscriber, int maxSubscriptions) {
        return membership.subscribe(owner, node, subscriber, maxSubscriptions);
    }

    @Override
    public CompletionStage<Boolean> unsubscribe(AccountId owner, String node, Jid subscriber) {
        return membership.unsubscribe(owner, node, subscriber);
    }

    @Override
    public CompletionStage<List<Jid>> subscribers(AccountId owner, String node) {
        return membership.subscribers(owner, node);
    }

    @Override
    public CompletionStage<Map<String, List<Jid>>> subscriptions(AccountId owner, Jid subscriber) {
        return membership.subscriptions(owner, subscriber);
    }

    @Override
    public CompletionStage<Change> affiliate(AccountId owner, String node, Map<Jid, Optional<Affiliation>> changes,
                                             int maxAffiliations) {
        return membership.affiliate(owner, node, changes, maxAffiliations);
    }

    @Override
    public CompletionStage<Map<Jid, Affiliation>> affiliations(AccountId owner, String node) {
        return membership.affiliations(owner, node);
    }

    @Override
    public CompletionStage<Map<String, Affiliation>> affiliationsOf(AccountId owner, Jid member) {
        return membership.affiliationsOf(owner, member);
    }

    @Override
    public CompletionStage<Void> deleteAll(AccountId owner) {
        byte[] partition = partition(owner).build();
        return writer.submit(batch -> {
            deleteAllUnder(batch, partition);
            return null;
        });
    }

    private Outcome create(PendingBatch batch, byte[] partition, byte[] key, PubSubNode node, int maxNodes)
            throws RocksDBException {
        int nodes = StaticRow.decode(batch.get(family, partition)).rows();
        if (nodes >= maxNodes) {
            return Outcome.TOO_MANY_NODES;
        }
        batch.put(family, partition, new StaticRow(0, nodes + 1).encode());
        batch.put(family, key, PubSubCodec.encodeNode(new NodeRow(0, 0, node.options())));
        return Outcome.DONE;
    }

    /** Removes the oldest items beyond {@code maxItems}; returns how many are left. */
    private int trim(PendingBatch batch, AccountId owner, String node, int items, int maxItems)
            throws RocksDBException {
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

    private void deleteAllUnder(PendingBatch batch, byte[] prefix) throws RocksDBException {
        for (byte[] key : batch.keys(family, prefix)) {
            batch.delete(family, key);
        }
    }

    private static long sequence(byte[] stored) {
        return ByteBuffer.wrap(stored).getLong();
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    static OrderedKey.Builder partition(AccountId owner) {
        Objects.requireNonNull(owner, "owner");
        return OrderedKey.builder().text(owner.domain()).text(owner.username());
    }

    static byte[] nodeKey(AccountId owner, String node) {
        return partition(owner).text(NODES).text(PubSubStore.requireName(node)).build();
    }

    private static byte[] itemPrefix(AccountId owner, String node) {
        return partition(owner).text(ITEMS).text(PubSubStore.requireName(node)).build();
    }

    private static byte[] itemKey(AccountId owner, String node, long sequence) {
        return partition(owner).text(ITEMS).text(node).int64(sequence).build();
    }

    private static byte[] idPrefix(AccountId owner, String node) {
        return partition(owner).text(IDS).text(PubSubStore.requireName(node)).build();
    }

    private static byte[] idKey(AccountId owner, String node, String id) {
        return partition(owner).text(IDS).text(PubSubStore.requireName(node)).text(PubSubStore.requireName(id))
                .build();
    }
}
