package dev.parley.server.storage.rocksdb;

import static dev.parley.server.api.storage.TestAccounts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.Account;
import dev.parley.server.api.storage.StoreLockedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.TickerType;

class RocksDbStorageProviderTest {
    @TempDir
    Path root;

    @Test
    void createsTheDirectoryOnFirstStart() {
        Path data = root.resolve("a/b/data");

        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(data)) {
            assertThat(data).isDirectory();
            assertThat(join(provider.accounts().count("example.com"))).isZero();
        }
    }

    @Test
    void aSecondOpenInThisProcessIsLockedUnderAnySpelling() throws IOException {
        Path data = root.resolve("data");
        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(data)) {
            assertThat(RocksDbStorageProvider.isLocked(data)).isTrue();
            Files.createDirectories(root.resolve("other"));
            assertThatThrownBy(() -> RocksDbStorageProvider.open(root.resolve("other/../data")))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("already open")
                    .extracting(e -> ((StoreLockedException) e).directory()).isEqualTo(data.toRealPath());
            assertThat(join(provider.accounts().count("example.com"))).as("the first stays usable").isZero();
        }
        assertThat(RocksDbStorageProvider.isLocked(data)).isFalse();
        RocksDbStorageProvider.open(data).close();
    }

    @Test
    void aDirectoryHeldByAnotherProcessGivesTheDistinctError() throws Exception {
        Path data = root.resolve("data");
        assertThat(RocksDbStorageProvider.isLocked(data)).as("never opened").isFalse();
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitReady(holder);

            assertThat(RocksDbStorageProvider.isLocked(data)).isTrue();
            assertThatThrownBy(() -> RocksDbStorageProvider.open(data))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessage("the data directory " + data.toRealPath()
                            + " is in use by another Parley process (pid " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(holder.exitValue()).isZero();
        assertThat(RocksDbStorageProvider.isLocked(data)).isFalse();
        RocksDbStorageProvider.open(data).close();
    }

    @Test
    void concurrentWritesShareFsyncs() throws Exception {
        int writes = 200;
        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(root.resolve("data"),
                RocksDbSettings.defaults().withStatistics(true))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletionStage<Boolean> blocker = holdWriter(provider, release);
            long syncsBefore = provider.writer().syncedBatches();
            long walSyncsBefore = provider.statistic(TickerType.WAL_FILE_SYNCED);
            List<CompletionStage<Boolean>> creates = new ArrayList<>();
            try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
                List<CompletableFuture<CompletionStage<Boolean>>> submitted = new ArrayList<>();
                for (int i = 0; i < writes; i++) {
                    Account account = account("example.com", "user" + i);
                    submitted.add(CompletableFuture.supplyAsync(() -> provider.accounts().create(account), callers));
                }
                for (CompletableFuture<CompletionStage<Boolean>> stage : submitted) {
                    creates.add(stage.get(10, TimeUnit.SECONDS));
                }
            }

            release.countDown();
            join(blocker);
            creates.forEach(create -> assertThat(join(create)).isTrue());

            long syncs = provider.writer().syncedBatches() - syncsBefore;
            assertThat(syncs).isLessThan(writes).isEqualTo(1);
            assertThat(provider.statistic(TickerType.WAL_FILE_SYNCED) - walSyncsBefore)
                    .as("RocksDB really synced the WAL for the batch").isEqualTo(syncs);
            assertThat(join(provider.accounts().count("example.com"))).isEqualTo(writes);
        }
    }

    @Test
    void everyAcknowledgedWriteWasSynced() {
        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(root.resolve("data"),
                RocksDbSettings.defaults().withStatistics(true))) {
            for (int i = 0; i < 5; i++) {
                join(provider.accounts().create(account("example.com", "user" + i)));
            }

            assertThat(provider.statistic(TickerType.WAL_FILE_SYNCED)).isEqualTo(provider.writer().syncedBatches())
                    .isEqualTo(5);
        }
    }

    @Test
    void withoutSyncWritesTheSameBatchesButNeverSyncsTheWal() {
        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(root.resolve("data"),
                RocksDbSettings.defaults().withStatistics(true).withSyncWrites(false))) {
            for (int i = 0; i < 5; i++) {
                assertThat(join(provider.accounts().create(account("example.com", "user" + i)))).isTrue();
            }

            assertThat(provider.writer().syncedBatches()).isEqualTo(5);
            assertThat(provider.statistic(TickerType.WAL_FILE_SYNCED)).isZero();
            assertThat(join(provider.accounts().count("example.com"))).isEqualTo(5);
        }
    }

    @Test
    void writesCompleteOnTheWriterThreadNotTheCaller() {
        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(root.resolve("data"))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletionStage<Boolean> blocker = holdWriter(provider, release);
            CompletionStage<Boolean> create = provider.accounts().create(account("example.com", "alice"));
            assertThat(create.toCompletableFuture()).as("the caller did not do the work").isNotDone();
            CompletionStage<String> completedOn = create.thenApply(created -> Thread.currentThread().getName());

            release.countDown();
            join(blocker);

            assertThat(join(completedOn)).isEqualTo("parley-storage-writer");
        }
    }

    @Test
    void readsCompleteOnAReadThreadNotTheCaller() {
        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(root.resolve("data"),
                RocksDbSettings.defaults().withReadThreads(1))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletionStage<Void> blocker = provider.reads().submit(() -> {
                awaitUninterruptibly(release);
                return null;
            });
            Account alice = account("example.com", "alice");
            CompletionStage<Optional<Account>> find = provider.accounts().find(alice.id());
            assertThat(find.toCompletableFuture()).as("the caller did not do the work").isNotDone();
            CompletionStage<String> completedOn = find.thenApply(found -> Thread.currentThread().getName());

            release.countDown();
            join(blocker);

            assertThat(join(completedOn)).startsWith("parley-storage-read-");
        }
    }

    @Test
    void opensADatabaseHoldingFamiliesItDoesNotKnow() throws Exception {
        Path data = root.resolve("data");
        RocksDbStorageProvider.open(data).close();
        List<ColumnFamilyDescriptor> existing = new ArrayList<>();
        try (Options listing = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(listing, data.toString())) {
                existing.add(new ColumnFamilyDescriptor(name));
            }
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
             RocksDB db = RocksDB.open(options, data.toString(), existing, handles)) {
            db.createColumnFamily(new ColumnFamilyDescriptor("from-a-newer-parley".getBytes(StandardCharsets.UTF_8)))
                    .close();
            handles.forEach(ColumnFamilyHandle::close);
        }

        try (RocksDbStorageProvider provider = RocksDbStorageProvider.open(data)) {
            assertThat(join(provider.accounts().create(account("example.com", "alice")))).isTrue();
        }
    }

    private static CompletionStage<Boolean> holdWriter(RocksDbStorageProvider provider, CountDownLatch release) {
        CountDownLatch started = new CountDownLatch(1);
        CompletionStage<Boolean> blocker = provider.writer().submit(batch -> {
            started.countDown();
            awaitUninterruptibly(release);
            return true;
        });
        awaitUninterruptibly(started);
        return blocker;
    }

    private static void awaitReady(Process holder) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(LockHolder.READY)) {
                // Keep draining its log output so it never blocks on a full pipe.
                Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> { }));
                return;
            }
        }
        throw new AssertionError("the lock holder exited before opening the directory");
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
