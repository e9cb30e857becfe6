package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.RosterStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbRosterStoreTest extends RosterStoreContract {
    @TempDir
    Path directory;

    @Override
    protected StorageFixture newStorage() {
        return () -> RocksDbStorageProvider.open(directory.resolve("data"));
    }
}
