package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.StorageOverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a RocksDB database, with group commit: every write is durable (in a WAL synced to disk) before
 * its stage completes, yet one fsync covers many writes.
 *
 * <p>One thread takes the first waiting task, then every task queued behind it (up to {@code maxBatchSize}), runs
 * them in order against one {@link WriteBatchWithIndex}, writes the batch with {@code sync=true}, and only then
 * completes their stages. While that fsync is in flight new tasks queue up and form the next batch, so under load
 * the number of fsyncs tracks the disk's speed, not the number of writes. "Durable before ack" (stream management,
 * the archive) rests on this. (A writer started without sync, for benchmarks only, skips the fsync and nothing else.)
 *
 * <p>Because all writes run on this one thread, a task's check-and-write is atomic without locks: {@link PendingBatch}
 * shows it the committed data plus the batch's earlier writes. A task that throws is rolled back to a save point
 * and fails alone; a failed batch write fails every task of the batch (none of them took effect).
 *
 * <p>Back-pressure: at most {@code capacity} tasks wait. When full, {@link #submit} never blocks; it returns a stage
 * already failed with {@link StorageOverloadedException}, and nothing is written. Callers keep their own, smaller
 * limits (stop reading the socket) so this is the last line of defence. Stages complete on the writer thread:
 * continuations that do real work must hop to their own executor.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final Submission<Void> CLOSE = new Submission<>(batch -> null);

    /** One write, run on the writer thread. */
    @FunctionalInterface
    public interface WriteTask<T> {
        T apply(PendingBatch batch) throws RocksDBException;
    }

    private final RocksDB db;
    private final int capacity;
    private final int maxBatchSize;
    private final boolean sync;
    private final LinkedBlockingQueue<Submission<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong syncedBatches = new AtomicLong();
    private final List<Submission<?>> members = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closing;

    private GroupCommitWriter(RocksDB db, String threadName, int capacity, int maxBatchSize, boolean sync) {
        if (capacity < 1 || maxBatchSize < 1) {
            throw new IllegalArgumentException("capacity and maxBatchSize must be positive");
        }
        this.db = Objects.requireNonNull(db, "db");
        this.capacity = capacity;
        this.maxBatchSize = maxBatchSize;
        this.sync = sync;
        this.thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::run);
    }

    /** Starts the durable writer thread of {@code db}; the caller closes the writer before closing {@code db}. */
    public static GroupCommitWriter start(RocksDB db, String threadName, int capacity, int maxBatchSize) {
        return start(db, threadName, capacity, maxBatchSize, true);
    }

    /**
     * Starts the writer thread of {@code db}, durable when {@code sync}. Without it every batch is written the same
     * way but not synced, which only benchmarks want ({@link RocksDbSettings#syncWrites}).
     */
    public static GroupCommitWriter start(RocksDB db, String threadName, int capacity, int maxBatchSize,
                                          boolean sync) {
        GroupCommitWriter writer = new GroupCommitWriter(db, threadName, capacity, maxBatchSize, sync);
        writer.thread.start();
        return writer;
    }

    /**
     * Queues {@code task}; its stage completes with the task's result once the batch holding it is synced, or
     * exceptionally with {@link StorageException} (overloaded, closed, the task failed, or the write failed).
     */
    public <T> CompletionStage<T> submit(WriteTask<T> task) {
        Submission<T> submission = new Submission<>(Objects.requireNonNull(task, "task"));
        if (closing) {
            submission.fail(Failures.closed());
        } else if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            submission.fail(new StorageOverloadedException(capacity + " writes are already waiting to be stored"));
        } else {
            queue.add(submission);
            // close() may have drained the queue between our check and our add; whoever removes it fails it.
            if (closing && queue.remove(submission)) {
                queued.decrementAndGet();
                submission.fail(Failures.closed());
            }
        }
        return submission.future;
    }

    /** How many batches have been written so far; one fsync each unless the writer was started without sync. */
    public long syncedBatches() {
        return syncedBatches.get();
    }

    /** How many submitted tasks wait for the writer thread (not counting the batch being written). */
    public int queuedWrites() {
        return queued.get();
    }

    /** Writes every task submitted before this call, then stops the thread. Blocks; idempotent. */
    @Override
    public void close() {
        if (!closing) {
            closing = true;
            queue.add(CLOSE);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (WriteOptions writeOptions = new WriteOptions().setSync(sync);
             ReadOptions readOptions = new ReadOptions();
             WriteBatchWithIndex batch = new WriteBatchWithIndex(true)) {
            PendingBatch pending = new PendingBatch(db, batch, readOptions);
            Submission<?> next = take();
            while (next != CLOSE) {
                batch.clear();
                members.clear();
                while (next != null && next != CLOSE && members.size() < maxBatchSize) {
                    if (next.applyTo(pending, batch)) {
                        members.add(next);
                    }
                    next = poll();
                }
                commit(batch, writeOptions);
                if (next == null) {
                    next = take();
                }
            }
        } catch (RuntimeException | Error e) {
            log.error("storage writer stopped unexpectedly; further writes fail until restart", e);
        } finally {
            closing = true;
            StorageException closed = Failures.closed();
            members.forEach(member -> member.fail(closed));
            for (Submission<?> left = queue.poll(); left != null; left = queue.poll()) {
                left.fail(closed);
            }
        }
    }

    private void commit(WriteBatchWithIndex batch, WriteOptions writeOptions) {
        if (batch.count() > 0) {
            try {
                db.write(writeOptions, batch);
                syncedBatches.incrementAndGet();
            } catch (RocksDBException e) {
                StorageException failure = Failures.asStorageException("durable write", e);
                members.forEach(member -> member.fail(failure));
                return;
            }
        }
        members.forEach(Submission::complete);
    }

    private Submission<?> take() {
        // Nothing in Parley interrupts this thread (close() queues CLOSE instead); a stray interrupt must not
        // strand the queued writes, so keep waiting.
        while (true) {
            try {
                return counted(queue.take());
            } catch (InterruptedException e) {
                log.warn("storage writer interrupted; ignoring, use close() to stop it");
            }
        }
    }

    private Submission<?> poll() {
        Submission<?> next = queue.poll();
        return next == null ? null : counted(next);
    }

    private Submission<?> counted(Submission<?> submission) {
        if (submission != CLOSE) {
            queued.decrementAndGet();
        }
        return submission;
    }

    private static final class Submission<T> {
        final WriteTask<T> task;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;

        Submission(WriteTask<T> task) {
            this.task = task;
        }

        /** Runs the task into the batch; on failure undoes its writes, fails it and returns false. */
        boolean applyTo(PendingBatch pending, WriteBatchWithIndex batch) {
            batch.setSavePoint();
            try {
                result = task.apply(pending);
                batch.popSavePoint();
                return true;
            } catch (RocksDBException | RuntimeException e) {
                fail(Failures.asStorageException("write", e));
                rollBack(batch);
                return false;
            }
        }

        void complete() {
            future.complete(result);
        }

        void fail(StorageException failure) {
            future.completeExceptionally(failure);
        }

        private static void rollBack(WriteBatchWithIndex batch) {
            try {
                batch.rollbackToSavePoint();
            } catch (RocksDBException e) {
                // A save point was set just before the task ran, so this cannot happen short of a RocksDB bug.
                throw new IllegalStateException("cannot roll back a failed write task", e);
            }
        }
    }
}
