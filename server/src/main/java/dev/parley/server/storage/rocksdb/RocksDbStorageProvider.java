package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.AccountStore;
import dev.parley.server.api.storage.ArchiveStore;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.api.storage.MucStore;
import dev.parley.server.api.storage.OfflineStore;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.api.storage.StoreLockedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: one RocksDB database in a data directory, one column family per store, one
 * {@link GroupCommitWriter} for every durable write and a small {@link ReadExecutor} for reads, so no caller's thread
 * ever waits on disk.
 *
 * <p>A new store slots in as a column family name in {@code STORE_FAMILIES}, a store class in this package built on
 * {@link OrderedKey}, {@link GroupCommitWriter} and {@link PrefixCursor}, and an accessor here.
 */
public final class RocksDbStorageProvider implements StorageProvider {
    private static final Logger log = LoggerFactory.getLogger(RocksDbStorageProvider.class);
    private static final String ACCOUNTS = "accounts";
    private static final String KEY_VALUES = "keyvalues";
    private static final String ROSTER = "roster";
    private static final String OFFLINE = "offline";
    private static final String PUBSUB = "pubsub";
    private static final String ARCHIVE = "archive";
    private static final String MUC = "muc";
    private static final List<String> STORE_FAMILIES = List.of(ACCOUNTS, KEY_VALUES, ROSTER, OFFLINE, PUBSUB, ARCHIVE,
            MUC);

    private final Path directory;
    private final Deque<AutoCloseable> resources;
    private final Statistics statistics;
    private final GroupCommitWriter writer;
    private final ReadExecutor reads;
    private final AccountStore accounts;
    private final KeyValueStore keyValues;
    private final RosterStore roster;
    private final OfflineStore offline;
    private final PubSubStore pubSub;
    private final ArchiveStore archive;
    private final MucStore muc;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RocksDbStorageProvider(Path directory, Deque<AutoCloseable> resources, Statistics statistics,
                                   GroupCommitWriter writer, ReadExecutor reads, AccountStore accounts,
                                   KeyValueStore keyValues, RosterStore roster, OfflineStore offline,
                                   PubSubStore pubSub, ArchiveStore archive, MucStore muc) {
        this.directory = directory;
        this.resources = resources;
        this.statistics = statistics;
        this.writer = writer;
        this.reads = reads;
        this.accounts = accounts;
        this.keyValues = keyValues;
        this.roster = roster;
        this.offline = offline;
        this.pubSub = pubSub;
        this.archive = archive;
        this.muc = muc;
    }

    public static RocksDbStorageProvider open(Path directory) {
        return open(directory, RocksDbSettings.defaults());
    }

    /**
     * Opens (creating on first start) the store in {@code directory}.
     *
     * @throws StoreLockedException if a Parley process, this one included, already has the directory open
     * @throws StorageException     if the directory cannot be created or the database cannot be opened
     */
    public static RocksDbStorageProvider open(Path directory, RocksDbSettings settings) {
        Objects.requireNonNull(settings, "settings");
        RocksDB.loadLibrary();
        Path real;
        try {
            Files.createDirectories(directory);
            real = directory.toRealPath();
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        // Everything opened is pushed here; closing pops in reverse, on failure here or in close().
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            resources.push(DirectoryLock.acquire(real));
            Statistics statistics = settings.statistics() ? push(resources, new Statistics()) : null;
            DBOptions options = push(resources, new DBOptions()
                    .setCreateIfMissing(true)
                    .setCreateMissingColumnFamilies(true)
                    .setKeepLogFileNum(5));
            if (statistics != null) {
                options.setStatistics(statistics);
            }
            ColumnFamilyOptions familyOptions = push(resources, new ColumnFamilyOptions());
            List<String> names = familyNames(real);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(options, real.toString(), descriptors, handles);
            resources.push(db::closeE);
            handles.forEach(resources::push);
            resources.push(() -> flushMemtables(db, handles));
            GroupCommitWriter writer = push(resources, GroupCommitWriter.start(db, "parley-storage-writer",
                    settings.writeQueueCapacity(), settings.maxBatchSize(), settings.syncWrites()));
            ReadExecutor reads = push(resources,
                    new ReadExecutor("parley-storage-read-", settings.readThreads(), settings.readQueueCapacity()));
            AccountStore accounts = new RocksDbAccountStore(db, handles.get(names.indexOf(ACCOUNTS)),
                    writer, reads);
            KeyValueStore keyValues = new RocksDbKeyValueStore(db, handles.get(names.indexOf(KEY_VALUES)),
                    writer, reads);
            RosterStore roster = new RocksDbRosterStore(db, handles.get(names.indexOf(ROSTER)), writer, reads);
            OfflineStore offline = new RocksDbOfflineStore(db, handles.get(names.indexOf(OFFLINE)), writer, reads);
            PubSubStore pubSub = new RocksDbPubSubStore(db, handles.get(names.indexOf(PUBSUB)), writer, reads);
            ArchiveStore archive = new RocksDbArchiveStore(db, handles.get(names.indexOf(ARCHIVE)), writer, reads);
            MucStore muc = new RocksDbMucStore(db, handles.get(names.indexOf(MUC)), writer, reads);
            log.info("opened data directory {}", real);
            return new RocksDbStorageProvider(real, resources, statistics, writer, reads, accounts, keyValues, roster,
                    offline, pubSub, archive, muc);
        } catch (RocksDBException | RuntimeException e) {
            StorageException failure = e instanceof StorageException storage ? storage
                    : new StorageException("cannot open the data directory " + real + ": " + e.getMessage(), e);
            closeAll(resources, failure);
            throw failure;
        }
    }

    /**
     * Whether a Parley process (this one included) has {@code directory} open; the CLI asks this to choose between
     * opening the data itself and talking to the running server.
     */
    public static boolean isLocked(Path directory) {
        return DirectoryLock.isLocked(directory);
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public KeyValueStore keyValues() {
        return keyValues;
    }

    @Override
    public RosterStore roster() {
        return roster;
    }

    @Override
    public OfflineStore offline() {
        return offline;
    }

    @Override
    public PubSubStore pubSub() {
        return pubSub;
    }

    @Override
    public ArchiveStore archive() {
        return archive;
    }

    @Override
    public MucStore muc() {
        return muc;
    }

    /** A RocksDB statistics counter, for metrics and tests. */
    public long statistic(TickerType ticker) {
        if (statistics == null) {
            throw new IllegalStateException("statistics are off; enable them in RocksDbSettings");
        }
        return statistics.getTickerCount(ticker);
    }

    /** Writes the pending writes, flushes memtables, closes the database and releases the directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        StorageException failure = new StorageException("errors while closing the data directory " + directory);
        closeAll(resources, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        log.info("closed data directory {}", directory);
    }

    GroupCommitWriter writer() {
        return writer;
    }

    ReadExecutor reads() {
        return reads;
    }

    /** Every family the database holds plus the stores' families; the default family comes first. */
    private static List<String> familyNames(Path directory) throws RocksDBException {
        Set<String> names = new LinkedHashSet<>();
        names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
        if (Files.exists(directory.resolve("CURRENT"))) {
            // RocksDB refuses to open a database without naming every family it holds, even ones we no longer use.
            try (Options options = new Options()) {
                for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
                    names.add(new String(name, StandardCharsets.UTF_8));
                }
            }
        }
        names.addAll(STORE_FAMILIES);
        return List.copyOf(names);
    }

    /** Makes the next start quick: nothing left in the WAL to replay. The WAL already holds every write durably. */
    private static void flushMemtables(RocksDB db, List<ColumnFamilyHandle> handles) throws RocksDBException {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush, handles);
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    /** Closes everything, newest first, collecting failures as suppressed exceptions of {@code failure}. */
    private static void closeAll(Deque<AutoCloseable> resources, Throwable failure) {
        for (AutoCloseable resource = resources.poll(); resource != null; resource = resources.poll()) {
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
