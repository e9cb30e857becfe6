package dev.parley.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.StorageOverloadedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

class GroupCommitWriterTest {
    static {
        RocksDB.loadLibrary();
    }

    @TempDir
    Path directory;
    private Options options;
    private RocksDB db;
    private GroupCommitWriter writer;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() throws RocksDBException {
        options = new Options().setCreateIfMissing(true);
        db = RocksDB.open(options, directory.toString());
    }

    @AfterEach
    void close() {
        release.countDown();
        if (writer != null) {
            writer.close();
        }
        db.close();
        options.close();
    }

    @Test
    void writesSubmittedWhileTheWriterIsBusyShareOneSync() throws Exception {
        writer = GroupCommitWriter.start(db, "test-writer", 1_000, 1_000);
        CompletionStage<Boolean> blocker = holdWriter();
        List<CompletionStage<Boolean>> writes = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<CompletionStage<Boolean>>> submitted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "k" + i;
                submitted.add(CompletableFuture.supplyAsync(() -> writer.submit(put(key, "v")), callers));
            }
            for (CompletableFuture<CompletionStage<Boolean>> stage : submitted) {
                writes.add(stage.get(10, TimeUnit.SECONDS));
            }
        }
        long syncsBefore = writer.syncedBatches();

        release.countDown();
        join(blocker);
        writes.forEach(GroupCommitWriterTest::join);

        assertThat(writer.syncedBatches() - syncsBefore).as("201 writes, one fsync").isEqualTo(1);
        assertThat(db.get(bytes("k199"))).isEqualTo(bytes("v"));
    }

    @Test
    void aBatchHoldsAtMostMaxBatchSizeWrites() {
        writer = GroupCommitWriter.start(db, "test-writer", 1_000, 10);
        CompletionStage<Boolean> blocker = holdWriter();
        List<CompletionStage<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            writes.add(writer.submit(put("k" + i, "v")));
        }

        release.countDown();
        join(blocker);
        writes.forEach(GroupCommitWriterTest::join);

        assertThat(writer.syncedBatches()).as("36 writes in batches of at most 10").isEqualTo(4);
    }

    @Test
    void aFullQueueRefusesAtOnceWithOverload() {
        writer = GroupCommitWriter.start(db, "test-writer", 3, 100);
        CompletionStage<Boolean> blocker = holdWriter();
        List<CompletionStage<Boolean>> accepted = List.of(writer.submit(put("a", "1")), writer.submit(put("b", "2")),
                writer.submit(put("c", "3")));

        CompletableFuture<Boolean> refused = writer.submit(put("d", "4")).toCompletableFuture();

        assertThat(refused).isCompletedExceptionally();
        assertThat(failure(refused)).isInstanceOf(StorageOverloadedException.class);
        assertThat(writer.queuedWrites()).isEqualTo(3);
        release.countDown();
        join(blocker);
        accepted.forEach(GroupCommitWriterTest::join);
        assertThat(join(writer.submit(put("d", "4")))).as("room again once drained").isTrue();
    }

    @Test
    void aFailingTaskIsRolledBackAndFailsAlone() throws RocksDBException {
        writer = GroupCommitWriter.start(db, "test-writer", 100, 100);
        CompletionStage<Boolean> blocker = holdWriter();
        CompletionStage<Boolean> before = writer.submit(put("before", "1"));
        CompletionStage<Boolean> failing = writer.submit(batch -> {
            batch.put(db.getDefaultColumnFamily(), bytes("half-done"), bytes("x"));
            throw new IllegalStateException("task bug");
        });
        CompletionStage<Boolean> after = writer.submit(put("after", "2"));

        release.countDown();
        join(blocker);

        assertThat(join(before)).isTrue();
        assertThat(join(after)).isTrue();
        assertThat(failure(failing)).isInstanceOf(StorageException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(db.get(bytes("half-done"))).isNull();
        assertThat(db.get(bytes("after"))).isEqualTo(bytes("2"));
        assertThat(writer.syncedBatches()).isEqualTo(1);
    }

    @Test
    void checkAndWriteSeesEarlierWritesOfTheSameBatch() {
        writer = GroupCommitWriter.start(db, "test-writer", 100, 100);
        CompletionStage<Boolean> blocker = holdWriter();
        CompletionStage<Boolean> first = writer.submit(putIfAbsent("key", "first"));
        CompletionStage<Boolean> second = writer.submit(putIfAbsent("key", "second"));

        release.countDown();
        join(blocker);

        assertThat(join(first)).isTrue();
        assertThat(join(second)).isFalse();
        assertThat(writer.syncedBatches()).isEqualTo(1);
    }

    @Test
    void aFailedBatchWriteFailsEveryTaskInIt() throws RocksDBException {
        ColumnFamilyHandle dropped = db.createColumnFamily(new ColumnFamilyDescriptor(bytes("dropped")));
        db.dropColumnFamily(dropped);
        writer = GroupCommitWriter.start(db, "test-writer", 100, 100);
        CompletionStage<Boolean> blocker = holdWriter();
        CompletionStage<Boolean> good = writer.submit(put("good", "1"));
        CompletionStage<Boolean> doomed = writer.submit(batch -> {
            batch.put(dropped, bytes("k"), bytes("v"));
            return true;
        });

        release.countDown();

        assertThat(failure(blocker)).isInstanceOf(StorageException.class);
        assertThat(failure(good)).isInstanceOf(StorageException.class);
        assertThat(failure(doomed)).isInstanceOf(StorageException.class);
        assertThat(db.get(bytes("good"))).as("nothing of the batch was written").isNull();
        dropped.close();
    }

    @Test
    void closeWritesWhatWasSubmittedAndRefusesWhatComesAfter() throws Exception {
        writer = GroupCommitWriter.start(db, "test-writer", 100, 100);
        CompletionStage<Boolean> blocker = holdWriter();
        List<CompletionStage<Boolean>> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(writer.submit(put("k" + i, "v")));
        }
        Thread closer = Thread.ofPlatform().start(writer::close);
        await().atMost(10, TimeUnit.SECONDS).until(() -> closer.getState() == Thread.State.WAITING);

        CompletionStage<Boolean> late = writer.submit(put("late", "v"));
        release.countDown();
        closer.join(10_000);

        join(blocker);
        submitted.forEach(GroupCommitWriterTest::join);
        assertThat(failure(late)).isInstanceOf(StorageException.class).hasMessageContaining("closed");
        assertThat(db.get(bytes("k4"))).isEqualTo(bytes("v"));
        assertThat(db.get(bytes("late"))).isNull();
    }

    @Test
    void stagesCompleteOnTheWriterThread() {
        writer = GroupCommitWriter.start(db, "test-writer", 100, 100);
        CompletionStage<Boolean> blocker = holdWriter();
        CompletionStage<Boolean> write = writer.submit(put("k", "v"));
        assertThat(write.toCompletableFuture()).isNotDone();
        CompletionStage<String> completedOn = write.thenApply(done -> Thread.currentThread().getName());

        release.countDown();
        join(blocker);

        assertThat(join(completedOn)).isEqualTo("test-writer");
    }

    /** Submits a write that blocks the writer thread until {@link #release}; returns once it runs. */
    private CompletionStage<Boolean> holdWriter() {
        CompletionStage<Boolean> blocker = writer.submit(batch -> {
            started.countDown();
            awaitUninterruptibly(release);
            batch.put(db.getDefaultColumnFamily(), bytes("blocker"), bytes("done"));
            return true;
        });
        awaitUninterruptibly(started);
        return blocker;
    }

    private GroupCommitWriter.WriteTask<Boolean> put(String key, String value) {
        return batch -> {
            batch.put(db.getDefaultColumnFamily(), bytes(key), bytes(value));
            return true;
        };
    }

    private GroupCommitWriter.WriteTask<Boolean> putIfAbsent(String key, String value) {
        return batch -> {
            if (batch.get(db.getDefaultColumnFamily(), bytes(key)) != null) {
                return false;
            }
            batch.put(db.getDefaultColumnFamily(), bytes(key), bytes(value));
            return true;
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Throwable failure(CompletionStage<?> stage) {
        try {
            join(stage);
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e.getCause();
        }
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
