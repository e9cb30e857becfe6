package dev.parley.server.storage.rocksdb;

/**
 * Tuning of the embedded store.
 *
 * @param writeQueueCapacity writes that may wait for the writer before new ones are refused as overload
 * @param maxBatchSize       writes at most in one group commit (one fsync)
 * @param readThreads        threads of the read pool
 * @param readQueueCapacity  reads that may wait for a read thread before new ones are refused as overload
 * @param statistics         collect RocksDB statistics ({@link RocksDbStorageProvider#statistic}); costs a little
 *                           on every operation
 * @param syncWrites         sync the write-ahead log before a write completes: {@code true} in the server, always
 *                           (it is not in the server's configuration). {@code false} exists only so that benchmarks
 *                           can measure what the fsync costs on the same code path; a write then survives a crash of
 *                           the process (RocksDB has handed it to the operating system) but not of the machine
 */
public record RocksDbSettings(int writeQueueCapacity, int maxBatchSize, int readThreads, int readQueueCapacity,
                              boolean statistics, boolean syncWrites) {
    public RocksDbSettings {
        requirePositive(writeQueueCapacity, "writeQueueCapacity");
        requirePositive(maxBatchSize, "maxBatchSize");
        requirePositive(readThreads, "readThreads");
        requirePositive(readQueueCapacity, "readQueueCapacity");
    }

    public static RocksDbSettings defaults() {
        int readThreads = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 8);
        return new RocksDbSettings(10_000, 1_000, readThreads, 10_000, false, true);
    }

    public RocksDbSettings withReadThreads(int threads) {
        return new RocksDbSettings(writeQueueCapacity, maxBatchSize, threads, readQueueCapacity, statistics,
                syncWrites);
    }

    public RocksDbSettings withStatistics(boolean enabled) {
        return new RocksDbSettings(writeQueueCapacity, maxBatchSize, readThreads, readQueueCapacity, enabled,
                syncWrites);
    }

    /** Benchmarks only: see {@code syncWrites}. */
    public RocksDbSettings withSyncWrites(boolean sync) {
        return new RocksDbSettings(writeQueueCapacity, maxBatchSize, readThreads, readQueueCapacity, statistics,
                sync);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
