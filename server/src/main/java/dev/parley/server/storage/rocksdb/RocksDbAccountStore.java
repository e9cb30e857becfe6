package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.Account;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.AccountStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * Accounts in their own column family. Key: {@code text(domain) text(username)} in {@link OrderedKey} form (the
 * domain is the partition, the username the clustering key), so a domain's accounts are one contiguous, ordered
 * range. Value: {@link AccountRecordCodec}.
 *
 * <p>create/update/delete are check-and-write tasks on the {@link GroupCommitWriter}: they run one at a time on its
 * thread, which is what makes them atomic. count and list walk the domain's range on the read pool; count is
 * linear in the domain's size.
 */
final class RocksDbAccountStore implements AccountStore {
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    RocksDbAccountStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletionStage<Optional<Account>> find(AccountId id) {
        byte[] key = key(id);
        return reads.submit(() -> {
            byte[] value = db.get(family, key);
            return value == null ? Optional.empty() : Optional.of(AccountRecordCodec.decode(id, value));
        });
    }

    @Override
    public CompletionStage<Boolean> create(Account account) {
        byte[] key = key(Objects.requireNonNull(account, "account").id());
        byte[] value = AccountRecordCodec.encode(account);
        return writer.submit(batch -> {
            if (batch.get(family, key) != null) {
                return false;
            }
            batch.put(family, key, value);
            return true;
        });
    }

    @Override
    public CompletionStage<Boolean> update(Account account) {
        byte[] key = key(Objects.requireNonNull(account, "account").id());
        byte[] value = AccountRecordCodec.encode(account);
        return writer.submit(batch -> {
            if (batch.get(family, key) == null) {
                return false;
            }
            batch.put(family, key, value);
            return true;
        });
    }

    @Override
    public CompletionStage<Boolean> delete(AccountId id) {
        byte[] key = key(id);
        return writer.submit(batch -> {
            if (batch.get(family, key) == null) {
                return false;
            }
            batch.delete(family, key);
            return true;
        });
    }

    @Override
    public CompletionStage<Long> count(String domain) {
        byte[] partition = partition(domain);
        return reads.submit(() -> {
            long count = 0;
            try (PrefixCursor cursor = PrefixCursor.open(db, family, partition, null)) {
                while (cursor.next()) {
                    count++;
                }
            }
            return count;
        });
    }

    @Override
    public CompletionStage<List<AccountId>> list(String domain, String afterUsername, int limit) {
        byte[] partition = partition(domain);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        byte[] startAfter = afterUsername == null ? null
                : OrderedKey.builder().text(domain).text(afterUsername).build();
        return reads.submit(() -> {
            List<AccountId> page = new ArrayList<>(Math.min(limit, 256));
            try (PrefixCursor cursor = PrefixCursor.open(db, family, partition, startAfter)) {
                while (page.size() < limit && cursor.next()) {
                    OrderedKey.Reader key = OrderedKey.reader(cursor.key());
                    key.text();
                    page.add(new AccountId(domain, key.text()));
                }
            }
            return page;
        });
    }

    private static byte[] key(AccountId id) {
        Objects.requireNonNull(id, "id");
        return OrderedKey.builder().text(id.domain()).text(id.username()).build();
    }

    private static byte[] partition(String domain) {
        return OrderedKey.builder().text(AccountId.requireDomain(domain)).build();
    }
}
