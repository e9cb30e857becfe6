package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.api.storage.PubSubStore.Affiliation;
import dev.parley.server.api.storage.PubSubStore.Change;
import dev.parley.server.api.storage.StorageException;
import dev.parley.xmpp.jid.Jid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The subscriptions and affiliations of {@link RocksDbPubSubStore}'s nodes, in the same column family and partition:
 * <ul>
 *   <li>{@code text("u") text(node) text(bare JID) text(resource or "")}: a subscription, empty value;</li>
 *   <li>{@code text("a") text(node) text(bare JID)}: an affiliation, one byte ({@code m}ember, {@code o}utcast).</li>
 * </ul>
 * Keying subscriptions by bare JID first lets making an outcast remove all of its subscriptions with one prefix.
 * Counting for the limits scans the node's keys, which the limits bound.
 */
final class PubSubMembership {
    static final String SUBSCRIPTIONS = "u";
    static final String AFFILIATIONS = "a";
    private static final byte[] EMPTY = new byte[0];

    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    PubSubMembership(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    CompletionStage<Change> subscribe(AccountId owner, String node, Jid subscriber, int maxSubscriptions) {
        byte[] nodeKey = RocksDbPubSubStore.nodeKey(owner, node);
        byte[] key = subscriptionKey(owner, node, Objects.requireNonNull(subscriber, "subscriber"));
        byte[] affiliation = affiliationKey(owner, node, subscriber.bare());
        byte[] prefix = prefix(owner, SUBSCRIPTIONS, node).build();
        RocksDbPubSubStore.requirePositive(maxSubscriptions, "maxSubscriptions");
        return writer.submit(batch -> {
            if (batch.get(family, nodeKey) == null) {
                return Change.NO_SUCH_NODE;
            }
            if (decode(batch.get(family, affiliation)) == Affiliation.OUTCAST) {
                return Change.OUTCAST;
            }
            if (batch.get(family, key) == null) {
                if (batch.keys(family, prefix).size() >= maxSubscriptions) {
                    return Change.TOO_MANY;
                }
                batch.put(family, key, EMPTY);
            }
            return Change.DONE;
        });
    }

    CompletionStage<Boolean> unsubscribe(AccountId owner, String node, Jid subscriber) {
        byte[] key = subscriptionKey(owner, node, Objects.requireNonNull(subscriber, "subscriber"));
        return writer.submit(batch -> {
            if (batch.get(family, key) == null) {
                return false;
            }
            batch.delete(family, key);
            return true;
        });
    }

    CompletionStage<List<Jid>> subscribers(AccountId owner, String node) {
        byte[] prefix = prefix(owner, SUBSCRIPTIONS, node).build();
        return reads.submit(() -> {
            List<Jid> subscribers = new ArrayList<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    OrderedKey.Reader key = skip(cursor.key(), 4);
                    subscribers.add(subscriber(key.text(), key.text()));
                }
            }
            return subscribers;
        });
    }

    CompletionStage<Map<String, List<Jid>>> subscriptions(AccountId owner, Jid subscriber) {
        String bare = Objects.requireNonNull(subscriber, "subscriber").bare().toString();
        byte[] prefix = RocksDbPubSubStore.partition(owner).text(SUBSCRIPTIONS).build();
        return reads.submit(() -> {
            Map<String, List<Jid>> found = new TreeMap<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    OrderedKey.Reader key = skip(cursor.key(), 3);
                    String node = key.text();
                    if (key.text().equals(bare)) {
                        found.computeIfAbsent(node, n -> new ArrayList<>()).add(subscriber(bare, key.text()));
                    }
                }
            }
            return found;
        });
    }

    CompletionStage<Change> affiliate(AccountId owner, String node, Map<Jid, Optional<Affiliation>> changes,
                                      int maxAffiliations) {
        byte[] nodeKey = RocksDbPubSubStore.nodeKey(owner, node);
        byte[] prefix = prefix(owner, AFFILIATIONS, node).build();
        RocksDbPubSubStore.requirePositive(maxAffiliations, "maxAffiliations");
        Map<byte[], Optional<Affiliation>> writes = new LinkedHashMap<>();
        List<byte[]> outcastSubscriptions = new ArrayList<>();
        changes.forEach((jid, affiliation) -> {
            if (!jid.isBare()) {
                throw new IllegalArgumentException("affiliations are of bare JIDs: " + jid);
            }
            writes.put(affiliationKey(owner, node, jid), affiliation);
            if (affiliation.equals(Optional.of(Affiliation.OUTCAST))) {
                outcastSubscriptions.add(prefix(owner, SUBSCRIPTIONS, node).text(jid.toString()).build());
            }
        });
        return writer.submit(batch -> {
            if (batch.get(family, nodeKey) == null) {
                return Change.NO_SUCH_NODE;
            }
            int count = batch.keys(family, prefix).size();
            for (Map.Entry<byte[], Optional<Affiliation>> write : writes.entrySet()) {
                boolean stored = batch.get(family, write.getKey()) != null;
                count += (write.getValue().isPresent() ? 1 : 0) - (stored ? 1 : 0);
            }
            if (count > maxAffiliations) {
                return Change.TOO_MANY;
            }
            for (Map.Entry<byte[], Optional<Affiliation>> write : writes.entrySet()) {
                if (write.getValue().isPresent()) {
                    batch.put(family, write.getKey(), new byte[] {encode(write.getValue().get())});
                } else {
                    batch.delete(family, write.getKey());
                }
            }
            for (byte[] subscriptions : outcastSubscriptions) {
                for (byte[] key : batch.keys(family, subscriptions)) {
                    batch.delete(family, key);
                }
            }
            return Change.DONE;
        });
    }

    CompletionStage<Map<Jid, Affiliation>> affiliations(AccountId owner, String node) {
        byte[] prefix = prefix(owner, AFFILIATIONS, node).build();
        return reads.submit(() -> {
            Map<Jid, Affiliation> affiliations = new LinkedHashMap<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    affiliations.put(Jid.parse(skip(cursor.key(), 4).text()), decode(cursor.value()));
                }
            }
            return affiliations;
        });
    }

    CompletionStage<Map<String, Affiliation>> affiliationsOf(AccountId owner, Jid member) {
        String bare = Objects.requireNonNull(member, "member").bare().toString();
        byte[] prefix = RocksDbPubSubStore.partition(owner).text(AFFILIATIONS).build();
        return reads.submit(() -> {
            Map<String, Affiliation> found = new TreeMap<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    OrderedKey.Reader key = skip(cursor.key(), 3);
                    String node = key.text();
                    if (key.text().equals(bare)) {
                        found.put(node, decode(cursor.value()));
                    }
                }
            }
            return found;
        });
    }

    /** Removes the node's subscriptions and affiliations, as part of deleting it. */
    void deleteAll(PendingBatch batch, AccountId owner, String node) throws RocksDBException {
        for (String kind : List.of(SUBSCRIPTIONS, AFFILIATIONS)) {
            batch.deleteUnder(family, prefix(owner, kind, node).build());
        }
    }

    private static OrderedKey.Builder prefix(AccountId owner, String kind, String node) {
        return RocksDbPubSubStore.partition(owner).text(kind).text(PubSubStore.requireName(node));
    }

    private static byte[] subscriptionKey(AccountId owner, String node, Jid subscriber) {
        return prefix(owner, SUBSCRIPTIONS, node).text(subscriber.bare().toString())
                .text(subscriber.resource() == null ? "" : subscriber.resource()).build();
    }

    private static byte[] affiliationKey(AccountId owner, String node, Jid bare) {
        return prefix(owner, AFFILIATIONS, node).text(bare.toString()).build();
    }

    private static Jid subscriber(String bare, String resource) {
        Jid jid = Jid.parse(bare);
        return resource.isEmpty() ? jid : jid.withResource(resource);
    }

    /** A reader past the first {@code components} text components of {@code key}. */
    private static OrderedKey.Reader skip(byte[] key, int components) {
        OrderedKey.Reader reader = OrderedKey.reader(key);
        for (int i = 0; i < components; i++) {
            reader.text();
        }
        return reader;
    }

    private static byte encode(Affiliation affiliation) {
        return switch (affiliation) {
            case MEMBER -> 'm';
            case OUTCAST -> 'o';
        };
    }

    private static Affiliation decode(byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length == 1 && value[0] == 'm') {
            return Affiliation.MEMBER;
        }
        if (value.length == 1 && value[0] == 'o') {
            return Affiliation.OUTCAST;
        }
        throw new StorageException("corrupt pubsub affiliation (" + value.length + " bytes)");
    }
}
