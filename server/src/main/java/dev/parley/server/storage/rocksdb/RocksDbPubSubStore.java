package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubItem;
import dev.parley.server.api.storage.PubSubNode;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.storage.rocksdb.PubSubCodec.NodeRow;
import dev.parley.xmpp.jid.Jid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Pubsub nodes in their own column family, keys in {@link OrderedKey} form under the account's partition
 * {@code text(domain) text(username)}:
 * <ul>
 *   <li>the partition key itself: a {@link StaticRow} counting the account's nodes (for the node limit);</li>
 *   <li>{@code text("n") text(node)}: the node ({@link PubSubCodec} node row: configuration, next sequence number,
 *       item count), so listing nodes is one range;</li>
 *   <li>items as {@link PubSubItems} lays them out;</li>
 *   <li>subscriptions and affiliations as {@link PubSubMembership} lays them out.</li>
 * </ul>
 * Writes are {@link GroupCommitWriter} tasks, so each check-and-write (auto-create, replace, trim) is atomic.
 */
final class RocksDbPubSubStore implements PubSubStore {
    private static final String NODES = "n";

    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;
    private final PubSubItems items;
    private final PubSubMembership membership;

    RocksDbPubSubStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
        this.items = new PubSubItems(db, family, writer, reads);
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
            int left = items.trim(batch, owner, node.name(), row.items(), maxItems);
            batch.put(family, key, PubSubCodec.encodeNode(new NodeRow(row.nextSequence(), left, node.options())));
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
            items.deleteAll(batch, owner, node);
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
        byte[] idKey = PubSubItems.idKey(owner, name, Objects.requireNonNull(item, "item").id());
        requirePositive(maxItems, "maxItems");
        requirePositive(maxNodes, "maxNodes");
        byte[] partition = partition(owner).build();
        byte[] value = PubSubCodec.encodeItem(item);
        return writer.submit(batch -> {
            if (batch.get(family, key) == null
                    && create(batch, partition, key, node, maxNodes) == Outcome.TOO_MANY_NODES) {
                return Outcome.TOO_MANY_NODES;
            }
            NodeRow row = items.add(batch, owner, name, PubSubCodec.decodeNode(batch.get(family, key)), idKey, value,
                    maxItems);
            batch.put(family, key, PubSubCodec.encodeNode(row));
            return Outcome.DONE;
        });
    }

    @Override
    public CompletionStage<List<PubSubItem>> items(AccountId owner, String node, int max) {
        return items.newest(owner, node, max);
    }

    @Override
    public CompletionStage<List<PubSubItem>> items(AccountId owner, String node, Collection<String> ids) {
        return items.withIds(owner, node, ids);
    }

    @Override
    public CompletionStage<Boolean> retract(AccountId owner, String node, String itemId) {
        return items.retract(owner, node, nodeKey(owner, node), itemId);
    }

    @Override
    public CompletionStage<Boolean> purge(AccountId owner, String node) {
        byte[] key = nodeKey(owner, node);
        return writer.submit(batch -> {
            byte[] stored = batch.get(family, key);
            if (stored == null) {
                return false;
            }
            items.deleteAll(batch, owner, node);
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
            batch.deleteUnder(family, partition);
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

    static void requirePositive(int value, String name) {
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
}
