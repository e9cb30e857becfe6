package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.OfflineStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbOfflineStoreTest extends OfflineStoreContract {
    @TempDir
    Path directory;

    @Override
    protected StorageFixture newStorage() {
        return () -> RocksDbStorageProvider.open(directory.resolve("data"));
    }
}
