package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.ArchiveStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbArchiveStoreTest extends ArchiveStoreContract {
    @TempDir
    Path directory;

    @Override
    protected StorageFixture newStorage() {
        return () -> RocksDbStorageProvider.open(directory.resolve("data"));
    }
}
