package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.KeyValueStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * Per-account values in their own column family. Key: {@code text(domain) text(username) text(key)} in
 * {@link OrderedKey} form, so an account's entries are one contiguous range ordered by key; value: the bytes as given.
 *
 * <p>Writes and deletions are tasks on the {@link GroupCommitWriter}, which makes a multi-entry put and
 * {@link #deleteAll} atomic (one batch, one sync); deleteAll sees the entries written earlier in the same batch, so a
 * put queued before it never survives it. Reads run on the {@link ReadExecutor}.
 */
final class RocksDbKeyValueStore implements KeyValueStore {
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    RocksDbKeyValueStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(AccountId account, String key) {
        byte[] stored = key(account, key);
        return reads.submit(() -> Optional.ofNullable(db.get(family, stored)));
    }

    @Override
    public CompletionStage<SequencedMap<String, byte[]>> list(AccountId account, String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        byte[] prefix = partition(account).textPrefix(keyPrefix).build();
        return reads.submit(() -> {
            SequencedMap<String, byte[]> entries = new LinkedHashMap<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, prefix, null)) {
                while (cursor.next()) {
                    OrderedKey.Reader key = OrderedKey.reader(cursor.key());
                    key.text();
                    key.text();
                    entries.put(key.text(), cursor.value());
                }
            }
            return Collections.unmodifiableSequencedMap(entries);
        });
    }

    @Override
    public CompletionStage<Void> put(AccountId account, Map<String, byte[]> entries) {
        Objects.requireNonNull(entries, "entries");
        List<Entry> writes = new ArrayList<>(entries.size());
        // Copied now: the caller may reuse its arrays before the writer thread gets to them.
        entries.forEach((key, value) ->
                writes.add(new Entry(key(account, key), Objects.requireNonNull(value, "value").clone())));
        return writer.submit(batch -> {
            for (Entry write : writes) {
                batch.put(family, write.key(), write.value());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> delete(AccountId account, String key) {
        byte[] stored = key(account, key);
        return writer.submit(batch -> {
            if (batch.get(family, stored) == null) {
                return false;
            }
            batch.delete(family, stored);
            return true;
        });
    }

    @Override
    public CompletionStage<Void> deleteAll(AccountId account) {
        byte[] prefix = partition(account).build();
        return writer.submit(batch -> {
            for (byte[] key : batch.keys(family, prefix)) {
                batch.delete(family, key);
            }
            return null;
        });
    }

    private record Entry(byte[] key, byte[] value) {
    }

    private static byte[] key(AccountId account, String key) {
        KeyValueStore.requireKey(key);
        return partition(account).text(key).build();
    }

    private static OrderedKey.Builder partition(AccountId account) {
        Objects.requireNonNull(account, "account");
        return OrderedKey.builder().text(account.domain()).text(account.username());
    }
}
