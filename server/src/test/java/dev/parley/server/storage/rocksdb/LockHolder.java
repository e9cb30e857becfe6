package dev.parley.server.storage.rocksdb;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link RocksDbStorageProviderTest}: opens the data directory given as the argument, prints
 * {@value #READY}, and holds it until its standard input closes.
 */
public final class LockHolder {
    static final String READY = "parley-lock-holder-ready";

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        RocksDbStorageProvider provider = RocksDbStorageProvider.open(Path.of(args[0]));
        try {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() != -1) {
                // Held until the parent closes our stdin.
            }
        } finally {
            provider.close();
        }
    }
}
