package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchiveBounds;
import dev.parley.server.api.storage.ArchivePage;
import dev.parley.server.api.storage.ArchiveQuery;
import dev.parley.server.api.storage.ArchivedMessage;
import dev.parley.server.storage.rocksdb.ArchiveRecordCodec.Stored;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * One archive as of one moment: the count and the page of a query, or the archive's bounds, read from the same
 * RocksDB snapshot, so a message appended meanwhile never shows up in one and not the other. Use on a read thread.
 *
 * <p>Cost: a page reads its messages plus one (to know whether it is complete), walking from the page boundary in
 * the page's direction and skipping messages the filters reject. The count of an unfiltered query is the archive's
 * message count from its {@link StaticRow}; a filtered query's count walks every message in its id range.
 */
final class ArchiveSnapshot implements AutoCloseable {
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final AccountId account;
    private final byte[] partition;
    private final Snapshot snapshot;
    private final ReadOptions options;

    ArchiveSnapshot(RocksDB db, ColumnFamilyHandle family, AccountId account, byte[] partition) {
        this.db = db;
        this.family = family;
        this.account = account;
        this.partition = partition;
        this.snapshot = db.getSnapshot();
        this.options = new ReadOptions().setSnapshot(snapshot);
    }

    Optional<ArchivePage> query(ArchiveQuery query) throws RocksDBException {
        for (long id : query.namedIds().toArray()) {
            if (id < 1 || db.get(family, options, ArchiveRecordCodec.key(account, id)) == null) {
                return Optional.empty();
            }
        }
        if (query.ids() != null) {
            return Optional.of(listed(query));
        }
        List<ArchivedMessage> page = new ArrayList<>();
        boolean complete = walk(query, query.lowerExclusive(), query.upperExclusive(), query.backwards(), page,
                query.limit());
        if (query.backwards()) {
            page = page.reversed();
        }
        long count = query.unfiltered() ? StaticRow.decode(db.get(family, options, partition)).rows()
                : countMatches(query);
        return Optional.of(new ArchivePage(page, complete, count));
    }

    Optional<ArchiveBounds> bounds() throws RocksDBException {
        List<ArchivedMessage> first = new ArrayList<>(1);
        List<ArchivedMessage> last = new ArrayList<>(1);
        ArchiveQuery all = ArchiveQuery.firstPage(1);
        walk(all, 0, Long.MAX_VALUE, false, first, 1);
        walk(all, 0, Long.MAX_VALUE, true, last, 1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ArchiveBounds(first.getFirst().id(), first.getFirst().stamp(), last.getFirst().id(),
                last.getFirst().stamp()));
    }

    /** The messages of the {@code ids} filter: few (the caller bounds the list), so each is looked up. */
    private ArchivePage listed(ArchiveQuery query) throws RocksDBException {
        List<ArchivedMessage> matches = new ArrayList<>();
        for (long id : new TreeSet<>(query.ids())) {
            Stored stored = ArchiveRecordCodec.decode(id, db.get(family, options, ArchiveRecordCodec.key(account, id)));
            if (query.matches(stored.id(), stored.stamp(), stored.with(), stored::stanza)) {
                matches.add(stored.message());
            }
        }
        List<ArchivedMessage> inPage = matches.stream()
                .filter(m -> m.id() > query.lowerExclusive() && m.id() < query.upperExclusive()).toList();
        int limit = Math.min(query.limit(), inPage.size());
        List<ArchivedMessage> page = query.backwards() ? inPage.subList(inPage.size() - limit, inPage.size())
                : inPage.subList(0, limit);
        return new ArchivePage(page, limit == inPage.size(), matches.size());
    }

    /**
     * Collects up to {@code limit} matches with ids strictly between the bounds, from the low end or (backwards) the
     * high end; returns whether no further match lies beyond them.
     */
    private boolean walk(ArchiveQuery query, long lowerExclusive, long upperExclusive, boolean backwards,
                         List<ArchivedMessage> into, int limit) throws RocksDBException {
        try (RocksIterator it = db.newIterator(family, options)) {
            if (backwards) {
                it.seekForPrev(ArchiveRecordCodec.key(account, upperExclusive - 1));
            } else {
                it.seek(ArchiveRecordCodec.key(account, lowerExclusive + 1));
            }
            for (; it.isValid(); step(it, backwards)) {
                byte[] key = it.key();
                if (!OrderedKey.startsWith(key, partition) || StaticRow.isStaticRow(key, partition)) {
                    break;
                }
                long id = ArchiveRecordCodec.idOf(key, partition);
                if (id <= lowerExclusive || id >= upperExclusive) {
                    break;
                }
                Stored stored = ArchiveRecordCodec.decode(id, it.value());
                if (query.matches(id, stored.stamp(), stored.with(), stored::stanza)) {
                    if (into.size() == limit) {
                        return false;
                    }
                    into.add(stored.message());
                }
            }
            it.status();
        }
        return true;
    }

    private long countMatches(ArchiveQuery query) throws RocksDBException {
        long count = 0;
        try (RocksIterator it = db.newIterator(family, options)) {
            long lower = query.afterId() == null ? 0 : query.afterId();
            long upper = query.beforeId() == null ? Long.MAX_VALUE : query.beforeId();
            for (it.seek(ArchiveRecordCodec.key(account, lower + 1)); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!OrderedKey.startsWith(key, partition)) {
                    break;
                }
                long id = ArchiveRecordCodec.idOf(key, partition);
                if (id >= upper) {
                    break;
                }
                Stored stored = ArchiveRecordCodec.decode(id, it.value());
                if (query.matches(id, stored.stamp(), stored.with(), stored::stanza)) {
                    count++;
                }
            }
            it.status();
        }
        return count;
    }

    private static void step(RocksIterator it, boolean backwards) {
        if (backwards) {
            it.prev();
        } else {
            it.next();
        }
    }

    @Override
    public void close() {
        options.close();
        db.releaseSnapshot(snapshot);
    }
}
