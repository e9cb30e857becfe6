package dev.parley.benchmarks;

import dev.parley.server.api.storage.Account;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.AccountStore;
import dev.parley.server.storage.rocksdb.RocksDbSettings;
import dev.parley.server.storage.rocksdb.RocksDbStorageProvider;
import dev.parley.xmpp.sasl.ScramCredentials;
import dev.parley.xmpp.sasl.StoredCredential;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded store's write path, which the archive shares: {@link AccountStore#create} on a
 * {@link RocksDbStorageProvider}, i.e. encoding, a check-and-write task on the group-commit writer, and a synced
 * WAL write before the stage completes ({@link ArchiveAppendBenchmark} measures the archive's own append).
 *
 * <p>{@code inFlight} writes are outstanding at all times ({@link ClosedLoop}), standing for that many sessions
 * waiting on the store at once; group commit turns them into fewer fsyncs. The score is completed writes per second.
 * {@code medium=disk} is durable; {@code medium=tmpfs} runs the same code on a file system where fsync costs nothing
 * (see {@link StoreDirectory}). {@link RawRocksDbWriteBenchmark} gives RocksDB's own floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dparley.log.level=WARN"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class AccountWriteBenchmark {
    static final String DOMAIN = "example.com";

    @Param({"1", "16", "256"})
    public int inFlight;

    @Param({"disk", "tmpfs"})
    public String medium;

    private final Instant created = Instant.now();
    private StoreDirectory directory;
    private RocksDbStorageProvider provider;
    private AccountStore accounts;
    private StoredCredential credential;
    private ClosedLoop<Boolean> writes;
    private long next;

    @Setup(Level.Trial)
    public void open() {
        credential = credential();
        directory = StoreDirectory.create(medium);
        provider = RocksDbStorageProvider.open(directory.path(), RocksDbSettings.defaults());
        accounts = provider.accounts();
        writes = new ClosedLoop<>(inFlight, this::submit);
    }

    @Setup(Level.Iteration)
    public void fillWindow() {
        writes.fill();
    }

    @Benchmark
    public boolean createAccount() {
        boolean stored = writes.next();
        if (!stored) {
            throw new IllegalStateException("a new account was refused as existing");
        }
        return stored;
    }

    @TearDown(Level.Iteration)
    public void drainWindow() {
        writes.drain();
    }

    @TearDown(Level.Trial)
    public void close() {
        try (StoreDirectory ignored = directory) {
            provider.close();
        }
    }

    /** Where this trial's store lives. */
    Path storeDirectory() {
        return directory.path();
    }

    /** The credentials every benchmark account carries: all three SCRAM hashes, as an added user has. */
    static StoredCredential credential() {
        return ScramCredentials.deriveAll(ScramBenchmark.PASSWORD, ScramCredentials.DEFAULT_ITERATIONS,
                new SecureRandom());
    }

    private CompletableFuture<Boolean> submit() {
        Account account = new Account(new AccountId(DOMAIN, "user" + next++), credential, false, created);
        return accounts.create(account).toCompletableFuture();
    }
}
