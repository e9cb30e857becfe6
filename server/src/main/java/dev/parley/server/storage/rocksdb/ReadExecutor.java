package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.StorageOverloadedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small fixed pool that runs RocksDB reads, which block on disk, away from the callers' event loops. Its queue is
 * bounded: when full, a read fails at once with {@link StorageOverloadedException} instead of piling up.
 */
final class ReadExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReadExecutor.class);

    /** One read, run on a pool thread. */
    @FunctionalInterface
    interface ReadTask<T> {
        T read() throws RocksDBException;
    }

    private final ThreadPoolExecutor executor;

    ReadExecutor(String threadNamePrefix, int threads, int capacity) {
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity),
                Thread.ofPlatform().name(threadNamePrefix, 0).daemon(true).factory());
    }

    <T> CompletionStage<T> submit(ReadTask<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(task.read());
                } catch (RocksDBException | RuntimeException e) {
                    future.completeExceptionally(Failures.asStorageException("read", e));
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(executor.isShutdown()
                    ? Failures.closed()
                    : new StorageOverloadedException(executor.getQueue().size() + " reads are already waiting"));
        }
        return future;
    }

    /**
     * Refuses new reads and waits for the queued ones, however long they take: the database must not be closed
     * under a running read (RocksDB would touch freed memory).
     */
    @Override
    public void close() {
        executor.shutdown();
        boolean interrupted = false;
        while (!executor.isTerminated()) {
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("still waiting for {} storage reads to finish before closing",
                            executor.getActiveCount() + executor.getQueue().size());
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
