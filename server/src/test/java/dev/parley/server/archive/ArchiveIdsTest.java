package dev.parley.server.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.AccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the opaque archive ids: round trip, distinctness, separate archives, refusal of anything else. */
class ArchiveIdsTest {
    private static final AccountId ALICE = new AccountId("example.com", "alice");
    private static final AccountId BOB = new AccountId("example.com", "bob");

    @TempDir
    Path dataDir;

    @Test
    void everySequenceRoundTripsAndOrderSurvivesDecoding() throws Exception {
        ArchiveIds ids = ArchiveIds.open(dataDir);
        Random random = new Random(42);
        long[] sequences = LongStream.concat(LongStream.rangeClosed(1, 2000),
                random.longs(2000, 1, Long.MAX_VALUE)).toArray();
        long previous = 0;
        for (long sequence : sequences) {
            String id = ids.encode(ALICE, sequence);
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(ids.decode(ALICE, id)).hasValue(sequence);
            if (sequence > previous && sequence <= 2000) {
                assertThat(ids.decode(ALICE, id).getAsLong()).isGreaterThan(previous);
                previous = sequence;
            }
        }
    }

    @Test
    void idsAreDistinctAndShowNoOrder() throws Exception {
        ArchiveIds ids = ArchiveIds.open(dataDir);
        Set<String> seen = new HashSet<>();
        int ascending = 0;
        String last = "";
        for (long sequence = 1; sequence <= 10_000; sequence++) {
            String id = ids.encode(ALICE, sequence);
            assertThat(seen.add(id)).isTrue();
            ascending += id.compareTo(last) > 0 ? 1 : 0;
            last = id;
        }
        // Consecutive sequences give ids in no visible order: about half compare upwards, not (nearly) all.
        assertThat(ascending).isBetween(4000, 6000);
    }

    @Test
    void anotherArchivesIdsAreNotThisArchives() throws Exception {
        ArchiveIds ids = ArchiveIds.open(dataDir);
        for (long sequence = 1; sequence <= 1000; sequence++) {
            String bobs = ids.encode(BOB, sequence);
            assertThat(bobs).isNotEqualTo(ids.encode(ALICE, sequence));
            assertThat(ids.decode(ALICE, bobs)).isEmpty();
        }
        assertThat(ids.decode(new AccountId("example.org", "alice"), ids.encode(ALICE, 1))).isEmpty();
    }

    @Test
    void garbageIsRefused() throws Exception {
        ArchiveIds ids = ArchiveIds.open(dataDir);
        String good = ids.encode(ALICE, 5);
        for (String bad : new String[] {"", "1", "5", "not an id at all!!!!!", good + "A", good.substring(1),
                "!!!!!!!!!!!!!!!!!!!!!!", "AAAAAAAAAAAAAAAAAAAAAA", null}) {
            assertThat(ids.decode(ALICE, bad)).as(String.valueOf(bad)).isEqualTo(OptionalLong.empty());
        }
        char[] flipped = good.toCharArray();
        flipped[3] = flipped[3] == 'A' ? 'B' : 'A';
        assertThat(ids.decode(ALICE, new String(flipped))).isEmpty();
        assertThatThrownBy(() -> ids.encode(ALICE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretIsKeptSoIdsSurviveARestartAndAnotherServerCannotReadThem() throws Exception {
        String id = ArchiveIds.open(dataDir).encode(ALICE, 77);

        assertThat(ArchiveIds.open(dataDir).decode(ALICE, id)).hasValue(77);
        assertThat(Files.size(dataDir.resolve(ArchiveIds.KEY_FILE))).isEqualTo(32);
        assertThat(ArchiveIds.open(dataDir.resolve("other")).decode(ALICE, id)).isEmpty();
    }
}
