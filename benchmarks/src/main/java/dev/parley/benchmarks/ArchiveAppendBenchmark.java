package dev.parley.benchmarks;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchiveStore;
import dev.parley.server.storage.rocksdb.RocksDbSettings;
import dev.parley.server.storage.rocksdb.RocksDbStorageProvider;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.xml.XmlElement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
 * Message archive (XEP-0313) appends as the server makes them before it acknowledges a message:
 * {@link ArchiveStore#append} on a {@link RocksDbStorageProvider} on disk, each append complete only once its
 * group-commit batch is written, with the chat messages of {@link StanzaCorpus} (plus the sender's full JID in
 * {@code from}, as routed messages carry it) spread over {@value #RECIPIENTS} recipients' archives.
 *
 * <p>{@code inFlight} appends are outstanding at all times ({@link ClosedLoop}), standing for that many streams each
 * waiting for its message to be stored. {@code durable=true} is the server's store; {@code durable=false} is the same
 * store code and writer, on the same disk, opened with {@link RocksDbSettings#syncWrites} off,
 * so that the only difference is the fsync of each batch. The score is completed appends per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dparley.log.level=WARN"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class ArchiveAppendBenchmark {
    static final int RECIPIENTS = 1_000;
    static final Jid SENDER = Jid.parse("juliet@example.com/balcony");

    @Param({"1", "16", "256"})
    public int inFlight;

    @Param({"true", "false"})
    public boolean durable;

    private final AccountId[] recipients = new AccountId[RECIPIENTS];
    private List<XmlElement> messages;
    private StoreDirectory directory;
    private RocksDbStorageProvider provider;
    private ArchiveStore archive;
    private ClosedLoop<Long> appends;
    private long next;

    @Setup(Level.Trial)
    public void open() throws StreamErrorException {
        messages = messages();
        for (int i = 0; i < RECIPIENTS; i++) {
            recipients[i] = new AccountId(AccountWriteBenchmark.DOMAIN, "user" + i);
        }
        directory = StoreDirectory.create("disk");
        provider = RocksDbStorageProvider.open(directory.path(), RocksDbSettings.defaults().withSyncWrites(durable));
        archive = provider.archive();
        appends = new ClosedLoop<>(inFlight, this::submit);
    }

    @Setup(Level.Iteration)
    public void fillWindow() {
        appends.fill();
    }

    @Benchmark
    public long append() {
        long id = appends.next();
        if (id < 1) {
            throw new IllegalStateException("an append was given the id " + id);
        }
        return id;
    }

    @TearDown(Level.Iteration)
    public void drainWindow() {
        appends.drain();
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

    /** The archive the benchmark appends to, for checking what it wrote. */
    ArchiveStore archive() {
        return archive;
    }

    /** The corpus's chat messages as the router hands them to the archive: parsed, with the sender's full JID. */
    static List<XmlElement> messages() throws StreamErrorException {
        return XmlWriteBenchmark.parse().stream()
                .map(message -> message.withAttribute("from", SENDER.toString()))
                .toList();
    }

    private CompletableFuture<Long> submit() {
        long n = next++;
        XmlElement message = messages.get((int) (n % messages.size()));
        return archive.append(recipients[(int) (n % RECIPIENTS)], Instant.now(), SENDER, message)
                .toCompletableFuture();
    }
}
