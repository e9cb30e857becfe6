package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.PubSubStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbPubSubStoreTest extends PubSubStoreContract {
    @TempDir
    Path directory;

    @Override
    protected StorageFixture newStorage() {
        return () -> RocksDbStorageProvider.open(directory.resolve("data"));
    }
}
