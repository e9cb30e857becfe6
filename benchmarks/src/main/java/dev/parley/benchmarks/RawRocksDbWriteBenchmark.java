package dev.parley.benchmarks;

import dev.parley.server.api.storage.CredentialCodec;
import dev.parley.server.storage.rocksdb.OrderedKey;
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
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Baselines for {@link AccountWriteBenchmark}: RocksDB's own {@code put} of a record the size of an account, keyed
 * the same way, one at a time on disk, with {@code sync=true} (one fsync per write: what the store would cost
 * without group commit) and {@code sync=false} (no durability and no Parley code at all: the floor).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class RawRocksDbWriteBenchmark {
    /** The account record's own header (version, flags, creation time) in front of the credential. */
    private static final int RECORD_HEADER_BYTES = 10;

    @Param({"true", "false"})
    public boolean sync;

    private StoreDirectory directory;
    private Options options;
    private RocksDB db;
    private WriteOptions writeOptions;
    private byte[] value;
    private long next;

    @Setup(Level.Trial)
    public void open() throws RocksDBException {
        byte[] credential = CredentialCodec.encode(AccountWriteBenchmark.credential());
        value = new byte[RECORD_HEADER_BYTES + credential.length];
        System.arraycopy(credential, 0, value, RECORD_HEADER_BYTES, credential.length);
        directory = StoreDirectory.create("disk");
        RocksDB.loadLibrary();
        options = new Options().setCreateIfMissing(true);
        db = RocksDB.open(options, directory.path().toString());
        writeOptions = new WriteOptions().setSync(sync);
    }

    @Benchmark
    public void put() throws RocksDBException {
        byte[] key = OrderedKey.builder().text(AccountWriteBenchmark.DOMAIN).text("user" + next++).build();
        db.put(writeOptions, key, value);
    }

    @TearDown(Level.Trial)
    public void close() {
        try (StoreDirectory ignored = directory; Options o = options; WriteOptions w = writeOptions) {
            db.close();
        }
    }
}
