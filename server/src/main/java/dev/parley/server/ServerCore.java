package dev.parley.server;

import dev.parley.server.admin.AdminCommands;
import dev.parley.server.admin.BulkUserCommands;
import dev.parley.server.admin.SessionCommands;
import dev.parley.server.admin.UserCommands;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.api.storage.StoreLockedException;
import dev.parley.server.auth.AccountService;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.storage.rocksdb.RocksDbStorageProvider;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The network-free part of a node: the store, the key-derivation pool, the account service and the admin commands over
 * them. {@link ParleyServer} puts listeners on top of it; the CLI opens one on its own to administer the data directory
 * of a stopped server, so both run the same commands over the same wiring.
 */
public final class ServerCore implements AutoCloseable {
    private final StorageProvider storage;
    private final ThreadPoolExecutor cryptoExecutor;
    private final AccountService accounts;
    private final AdminCommands adminCommands;

    private ServerCore(ParleyConfig config, StorageProvider storage, SessionRegistry sessions) {
        this.storage = storage;
        int cores = Runtime.getRuntime().availableProcessors();
        this.cryptoExecutor = new ThreadPoolExecutor(cores, cores, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "parley-crypto");
                    t.setDaemon(true);
                    return t;
                });
        this.accounts = new AccountService(storage.accounts(),
                List.of(storage.keyValues(), storage.roster(), storage.offline(), storage.pubSub(), storage.archive()),
                Set.copyOf(config.domains()), config.auth().scramIterations(), cryptoExecutor, Clock.systemUTC());
        this.adminCommands = new AdminCommands();
        UserCommands.registerAll(adminCommands, accounts, sessions, config.registration().minPasswordLength());
        SessionCommands.registerAll(adminCommands, accounts, sessions);
        BulkUserCommands.registerAll(adminCommands, accounts, config.registration().minPasswordLength());
    }

    /**
     * Opens the store under {@code config.dataDir()}, creating it on first use.
     *
     * @throws StoreLockedException when a server (another process, or this one) already has the data directory open
     */
    public static ServerCore open(ParleyConfig config, SessionRegistry sessions) {
        StorageProvider storage = RocksDbStorageProvider.open(config.dataDir().resolve("store"));
        try {
            return new ServerCore(config, storage, sessions);
        } catch (RuntimeException | Error e) {
            storage.close();
            throw e;
        }
    }

    public StorageProvider storage() {
        return storage;
    }

    public AccountService accounts() {
        return accounts;
    }

    public AdminCommands adminCommands() {
        return adminCommands;
    }

    /** Stops the key-derivation pool, then makes the submitted writes durable and releases the store. */
    @Override
    public void close() {
        cryptoExecutor.shutdown();
        storage.close();
    }
}
