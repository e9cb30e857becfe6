package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.StorageException;

/** Turns whatever a RocksDB task threw into the {@link StorageException} the SPI promises. */
final class Failures {
    private Failures() {
    }

    static StorageException asStorageException(String action, Throwable failure) {
        if (failure instanceof StorageException storage) {
            return storage;
        }
        return new StorageException(action + " failed: " + failure.getMessage(), failure);
    }

    static StorageException closed() {
        return new StorageException("the store is closed");
    }
}
