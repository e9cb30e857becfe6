package dev.parley.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.AccountId;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each benchmark's fixture, driven once by hand (no JMH, no timing), so that a change elsewhere cannot turn a
 * benchmark into a measurement of a failure path without the build noticing. The benchmarks themselves only run
 * through {@code ./benchmarks/run}.
 */
class BenchmarkFixturesTest {
    private final Blackhole sink = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void corpusStanzasAreAboutThreeHundredBytes() {
        assertThat(StanzaCorpus.averageStanzaBytes()).isBetween(280.0, 320.0);
        assertThat(StanzaCorpus.chunks(StanzaCorpus.stream())).hasSizeGreaterThan(64)
                .allSatisfy(chunk -> assertThat(chunk.remaining()).isLessThanOrEqualTo(StanzaCorpus.CHUNK_BYTES));
    }

    @Test
    void bothParsersReadEveryStanzaOfTheCorpusTwice() throws Exception {
        StreamParseBenchmark benchmark = new StreamParseBenchmark();
        benchmark.setUp();
        for (int pass = 0; pass < 2; pass++) { // chunks are rewound between passes
            benchmark.parley(sink);
            benchmark.aaltoEventLoop(sink);
        }
    }

    @Test
    void xmlWriterReproducesTheCorpusSoBothSerialisersWriteTheSameBytes() throws Exception {
        List<XmlElement> parsed = XmlWriteBenchmark.parse();
        List<String> original = StanzaCorpus.stanzas();
        for (int i = 0; i < 8; i++) { // every body variant, twice
            assertThat(new String(XmlWriter.toBytes(parsed.get(i), StanzaCorpus.CONTENT_NAMESPACE),
                    StandardCharsets.UTF_8)).isEqualTo(original.get(i));
        }
    }

    @Test
    void everyJidSampleParsesAndSplitsIntoItsThreeParts() {
        JidParseBenchmark benchmark = new JidParseBenchmark();
        for (String sample : JidParseBenchmark.JIDS.keySet()) {
            benchmark.jid = sample;
            benchmark.setUp();
            Jid jid = benchmark.parse();
            String[] parts = benchmark.splitOnly();
            assertThat(parts[0]).isEqualTo(jid.local());
            assertThat(parts[2]).isEqualTo(jid.resource());
        }
        benchmark.jid = "i18n-full";
        benchmark.setUp();
        assertThat(benchmark.parse().asciiDomain()).startsWith("xn--");
    }

    @Test
    void unknownJidSampleIsRefused() {
        JidParseBenchmark benchmark = new JidParseBenchmark();
        benchmark.jid = "nonsense";
        assertThatThrownBy(benchmark::setUp).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookupsFindTheBoundSessions() {
        SessionLookupBenchmark benchmark = new SessionLookupBenchmark();
        benchmark.setUp();
        for (int i = 0; i < 1000; i++) { // each call checks its own result too
            assertThat(benchmark.concurrentHashMapGet()).isNotNull();
            assertThat(benchmark.sessionsOfAccount()).hasSize(SessionLookupBenchmark.RESOURCES);
            assertThat(benchmark.sessionByFullJid()).isPresent();
        }
    }

    @Test
    void scramAndPlainLoginsSucceedAsTheRightUser() throws Exception {
        ScramBenchmark scram = new ScramBenchmark();
        scram.setUp(); // checks the server signature against the independent client
        assertThat(scram.scramSha256Exchange().username()).isEqualTo(ScramBenchmark.USERNAME);
        assertThat(scram.serverCrypto()).hasSize(32);
        assertThat(scram.serverNonceDraw()).hasSize(32);

        PlainBenchmark plain = new PlainBenchmark();
        plain.setUp();
        assertThat(plain.plainLogin().username()).isEqualTo(ScramBenchmark.USERNAME);
        assertThat(plain.jdkPbkdf2()).hasSize(32);
    }

    @Test
    void accountWritesCompleteAndTheStoreIsRemovedAfterwards() {
        AccountWriteBenchmark benchmark = new AccountWriteBenchmark();
        benchmark.inFlight = 16;
        benchmark.medium = "tmpfs";
        benchmark.open();
        Path directory = benchmark.storeDirectory();
        assertThat(directory).isDirectory();
        benchmark.fillWindow();
        for (int i = 0; i < 100; i++) {
            assertThat(benchmark.createAccount()).isTrue();
        }
        benchmark.drainWindow();
        benchmark.close();
        assertThat(directory).doesNotExist();
    }

    @Test
    void archiveAppendsAreStoredInEveryRecipientsArchiveWithOrWithoutSync() throws Exception {
        for (boolean durable : new boolean[] {true, false}) {
            ArchiveAppendBenchmark benchmark = new ArchiveAppendBenchmark();
            benchmark.inFlight = 16;
            benchmark.durable = durable;
            benchmark.open();
            Path directory = benchmark.storeDirectory();
            benchmark.fillWindow();
            long highestId = 0;
            for (int i = 0; i < 2 * ArchiveAppendBenchmark.RECIPIENTS; i++) { // every recipient's archive, twice
                highestId = Math.max(highestId, benchmark.append());
            }
            benchmark.drainWindow();
            assertThat(highestId).isEqualTo(2);
            AccountId first = new AccountId(AccountWriteBenchmark.DOMAIN, "user0");
            // The window's last 16 appends went to user0..user15 a third time.
            assertThat(benchmark.archive().bounds(first).toCompletableFuture().join())
                    .hasValueSatisfying(bounds -> assertThat(bounds.lastId()).isEqualTo(3));
            benchmark.close();
            assertThat(directory).doesNotExist();
        }
    }

    @Test
    void archivedMessagesAreChatMessagesOfAboutThreeHundredBytesFromTheSender() throws Exception {
        List<XmlElement> messages = ArchiveAppendBenchmark.messages();
        assertThat(messages).hasSize(StanzaCorpus.STANZAS).allSatisfy(message -> {
            assertThat(message.attribute("from")).isEqualTo(ArchiveAppendBenchmark.SENDER.toString());
            assertThat(message.attribute("type")).isEqualTo("chat");
        });
        double averageBytes = messages.stream()
                .mapToInt(message -> XmlWriter.toBytes(message, StanzaCorpus.CONTENT_NAMESPACE).length)
                .average().orElseThrow();
        assertThat(averageBytes).isBetween(300.0, 360.0);
    }

    @Test
    void rawRocksDbPutsWork() throws Exception {
        RawRocksDbWriteBenchmark benchmark = new RawRocksDbWriteBenchmark();
        benchmark.sync = false;
        benchmark.open();
        for (int i = 0; i < 100; i++) {
            benchmark.put();
        }
        benchmark.close();
    }

    @Test
    void everyOccupantGetsEachGroupchatMessageOnceAsTheRoomReflectsIt() throws Exception {
        for (int occupants : new int[] {10, 250}) { // 250: more than a room holds by default
            MucFanoutBenchmark benchmark = new MucFanoutBenchmark();
            benchmark.occupants = occupants;
            benchmark.setUp();
            try {
                for (int i = 0; i < 8; i++) { // each call checks that exactly one copy reached each occupant
                    assertThat(benchmark.room()).isEqualTo(occupants);
                }
                XmlElement copy = benchmark.session(occupants - 1).last().element();
                assertThat(copy.attribute("from")).isEqualTo(MucFanoutBenchmark.ROOM.withResource("nick0").toString());
                assertThat(copy.attribute("to")).isEqualTo(benchmark.session(occupants - 1).jid().toString());
                assertThat(copy.attribute("type")).isEqualTo("groupchat");
                assertThat(copy.child("stanza-id", "urn:xmpp:sid:0")).isPresent();

                long deliveries = benchmark.deliveries();
                long bytes = benchmark.bytes();
                benchmark.serialiseEachCopy();
                assertThat(benchmark.deliveries() - deliveries).isEqualTo(occupants);
                assertThat((benchmark.bytes() - bytes) / occupants).isBetween(300L, 600L);
            } finally {
                benchmark.close();
            }
        }
    }

    @Test
    void aMediumThatIsNotWhatItSaysIsRefused() {
        assertThatThrownBy(() -> StoreDirectory.create("floppy")).isInstanceOf(IllegalArgumentException.class);
    }
}
