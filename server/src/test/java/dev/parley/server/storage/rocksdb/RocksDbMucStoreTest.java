package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.MucStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class RocksDbMucStoreTest extends MucStoreContract {
    @TempDir
    Path directory;

    @Override
    protected StorageFixture newStorage() {
        return () -> RocksDbStorageProvider.open(directory.resolve("data"));
    }
}
