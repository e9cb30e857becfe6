package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.Roster;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.server.api.storage.RosterUpdate;
import dev.parley.xmpp.jid.Jid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * Rosters in their own column family. Key: {@code text(domain) text(username) text(contact)} in {@link OrderedKey}
 * form, so one account's roster is one contiguous range in contact order; the account's {@link StaticRow}
 * ({@code text(domain) text(username)}) holds the roster version and the number of entries. Value:
 * {@link RosterItemCodec}.
 *
 * <p>An update runs the caller's change on the {@link GroupCommitWriter}'s thread against the committed state plus
 * the earlier writes of its batch, and writes the entry and the static row together: the change, the size check and
 * the version bump are one atomic step.
 */
final class RocksDbRosterStore implements RosterStore {
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;

    RocksDbRosterStore(RocksDB db, ColumnFamilyHandle family, GroupCommitWriter writer, ReadExecutor reads) {
        this.db = db;
        this.family = family;
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public CompletionStage<Roster> load(AccountId owner) {
        byte[] partition = partition(owner);
        return reads.submit(() -> {
            long version = 0;
            List<RosterItem> items = new ArrayList<>();
            try (PrefixCursor cursor = PrefixCursor.open(db, family, partition, null)) {
                while (cursor.next()) {
                    if (StaticRow.isStaticRow(cursor.key(), partition)) {
                        version = StaticRow.decode(cursor.value()).counter();
                    } else {
                        items.add(RosterItemCodec.decode(contactOf(cursor.key()), cursor.value()));
                    }
                }
            }
            return new Roster(version, items);
        });
    }

    @Override
    public CompletionStage<Optional<RosterItem>> find(AccountId owner, Jid contact) {
        byte[] key = key(owner, contact);
        return reads.submit(() -> {
            byte[] value = db.get(family, key);
            return value == null ? Optional.empty() : Optional.of(RosterItemCodec.decode(contact, value));
        });
    }

    @Override
    public CompletionStage<RosterUpdate> update(AccountId owner, Jid contact, RosterChange change, int maxEntries) {
        byte[] partition = partition(owner);
        byte[] key = key(owner, contact);
        Objects.requireNonNull(change, "change");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        return writer.submit(batch -> {
            StaticRow header = StaticRow.decode(batch.get(family, partition));
            byte[] current = batch.get(family, key);
            Optional<RosterItem> before = current == null ? Optional.empty()
                    : Optional.of(RosterItemCodec.decode(contact, current));
            Optional<RosterItem> after = Objects.requireNonNull(change.apply(before), "the change returned null");
            if (after.isPresent() && !after.get().contact().equals(contact)) {
                throw new IllegalStateException("the change returned an entry for " + after.get().contact()
                        + " instead of " + contact);
            }
            if (after.equals(before)) {
                return new RosterUpdate.Applied(before, after, header.counter());
            }
            if (before.isEmpty() && header.rows() >= maxEntries) {
                return new RosterUpdate.Full(maxEntries);
            }
            int rows = header.rows() + (after.isPresent() ? 1 : 0) - (before.isPresent() ? 1 : 0);
            long version = header.counter() + 1;
            if (after.isPresent()) {
                batch.put(family, key, RosterItemCodec.encode(after.get()));
            } else {
                batch.delete(family, key);
            }
            // The static row stays when the roster empties: the version must keep growing (RFC 6121 §2.6).
            batch.put(family, partition, new StaticRow(version, rows).encode());
            return new RosterUpdate.Applied(before, after, version);
        });
    }

    /**
     * Removes every entry. The static row stays, one version further, so that a client holding a version of the old
     * roster never gets "unchanged" for the new one (RFC 6121 §2.6) when the account name is registered again.
     */
    @Override
    public CompletionStage<Void> deleteAll(AccountId owner) {
        byte[] partition = partition(owner);
        return writer.submit(batch -> {
            StaticRow header = StaticRow.decode(batch.get(family, partition));
            for (byte[] key : batch.keys(family, partition)) {
                if (!StaticRow.isStaticRow(key, partition)) {
                    batch.delete(family, key);
                }
            }
            batch.put(family, partition, new StaticRow(header.counter() + 1, 0).encode());
            return null;
        });
    }

    private static Jid contactOf(byte[] key) {
        OrderedKey.Reader reader = OrderedKey.reader(key);
        reader.text();
        reader.text();
        return Jid.parse(reader.text());
    }

    private static byte[] partition(AccountId owner) {
        Objects.requireNonNull(owner, "owner");
        return OrderedKey.builder().text(owner.domain()).text(owner.username()).build();
    }

    private static byte[] key(AccountId owner, Jid contact) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(contact, "contact");
        if (!contact.isBare()) {
            throw new IllegalArgumentException("a roster contact is a bare JID: " + contact);
        }
        return OrderedKey.builder().text(owner.domain()).text(owner.username()).text(contact.toString()).build();
    }
}
