package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyValueStore} must do. A provider's test extends this and implements {@link #newStorage()}.
 */
public abstract class KeyValueStoreContract extends StorageContract {
    private static final AccountId ALICE = new AccountId("example.com", "alice");
    private static final AccountId BOB = new AccountId("example.com", "bob");

    private KeyValueStore store() {
        return provider().keyValues();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putValueIsReadBack() {
        await(store().put(ALICE, "vcard", bytes("<vCard/>")));

        assertThat(await(store().get(ALICE, "vcard")).orElseThrow()).isEqualTo(bytes("<vCard/>"));
        assertThat(await(store().get(ALICE, "other"))).isEmpty();
        assertThat(await(store().get(BOB, "vcard"))).isEmpty();
    }

    @Test
    void putReplacesTheValue() {
        await(store().put(ALICE, "k", bytes("first")));
        await(store().put(ALICE, "k", bytes("second")));

        assertThat(await(store().get(ALICE, "k")).orElseThrow()).isEqualTo(bytes("second"));
        assertThat(await(store().list(ALICE, ""))).hasSize(1);
    }

    @Test
    void putOfSeveralEntriesStoresEveryOne() {
        Map<String, byte[]> entries = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            entries.put("key" + i, bytes("value" + i));
        }

        await(store().put(ALICE, entries));

        SequencedMap<String, byte[]> stored = await(store().list(ALICE, "key"));
        assertThat(stored).hasSize(50);
        entries.forEach((key, value) -> assertThat(stored.get(key)).as(key).isEqualTo(value));
    }

    @Test
    void deleteRemovesOneEntryOnce() {
        await(store().put(ALICE, Map.of("a", bytes("1"), "b", bytes("2"))));

        assertThat(await(store().delete(ALICE, "a"))).isTrue();

        assertThat(await(store().get(ALICE, "a"))).isEmpty();
        assertThat(await(store().get(ALICE, "b"))).isPresent();
        assertThat(await(store().delete(ALICE, "a"))).isFalse();
        assertThat(await(store().delete(BOB, "b"))).as("another account's key").isFalse();
    }

    @Test
    void listIsInCodePointOrderAndHonoursThePrefix() {
        // U+1D518 (a surrogate pair in UTF-16) sorts after U+FB01 by code point, before it by String.compareTo.
        List<String> byCodePoint = List.of("p", "p:", "p:\u0000", "p:a", "p:a\u0000b", "p:ab", "p:\u00e9",
                "p:\ufb01", "p:\ud835\udd18", "q");
        List<String> shuffled = new ArrayList<>(byCodePoint);
        Collections.shuffle(shuffled);
        for (String key : shuffled) {
            await(store().put(ALICE, key, bytes(key)));
        }

        assertThat(await(store().list(ALICE, "")).sequencedKeySet()).containsExactlyElementsOf(byCodePoint);
        assertThat(await(store().list(ALICE, "p:")).sequencedKeySet())
                .containsExactlyElementsOf(byCodePoint.subList(1, 9));
        assertThat(await(store().list(ALICE, "p:a")).sequencedKeySet()).containsExactly("p:a", "p:a\u0000b", "p:ab");
        assertThat(await(store().list(ALICE, "p:\u0000")).sequencedKeySet()).containsExactly("p:\u0000");
        assertThat(await(store().list(ALICE, "r"))).isEmpty();
        assertThat(await(store().list(ALICE, "p:ab")).get("p:ab")).isEqualTo(bytes("p:ab"));
    }

    @Test
    void deleteAllClearsOneAccountOnly() {
        List<AccountId> neighbours = List.of(new AccountId("example.com", "al"), new AccountId("example.com", "alice2"),
                new AccountId("example.com.evil", "alice"), new AccountId("example.co", "alice"), BOB);
        for (AccountId account : neighbours) {
            await(store().put(account, "vcard", bytes(account.toString())));
        }
        await(store().put(ALICE, Map.of("vcard", bytes("mine"), "private:{a}b", bytes("x"), "last", bytes("y"))));

        await(store().deleteAll(ALICE));

        assertThat(await(store().list(ALICE, ""))).isEmpty();
        for (AccountId account : neighbours) {
            assertThat(await(store().get(account, "vcard")).orElseThrow()).as(account.toString())
                    .isEqualTo(bytes(account.toString()));
        }
        await(store().deleteAll(ALICE));
        await(store().put(ALICE, "vcard", bytes("new")));
        assertThat(await(store().list(ALICE, "")).keySet()).containsExactly("vcard");
    }

    @Test
    void deleteAllRemovesWritesQueuedBeforeIt() {
        List<CompletionStage<Void>> puts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            puts.add(store().put(ALICE, "k" + i, bytes("v")));
        }
        CompletionStage<Void> cleared = store().deleteAll(ALICE);
        puts.forEach(StorageContract::await);
        await(cleared);

        assertThat(await(store().list(ALICE, ""))).isEmpty();
    }

    @Test
    void valuesRoundTripByteExact() {
        byte[] zeros = new byte[100];
        byte[] ones = new byte[1000];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] large = TestAccounts.randomBytes(1 << 20);
        await(store().put(ALICE, Map.of("empty", new byte[0], "zeros", zeros, "ones", ones, "large", large)));
        reopen();

        assertThat(await(store().get(ALICE, "empty")).orElseThrow()).isEmpty();
        assertThat(await(store().get(ALICE, "zeros")).orElseThrow()).isEqualTo(zeros);
        assertThat(await(store().get(ALICE, "ones")).orElseThrow()).isEqualTo(ones);
        assertThat(await(store().get(ALICE, "large")).orElseThrow()).isEqualTo(large);
    }

    @Test
    void theStoreKeepsItsOwnCopies() {
        byte[] value = bytes("original");
        CompletionStage<Void> put = store().put(ALICE, "k", value);
        Arrays.fill(value, (byte) 'x');
        await(put);

        byte[] read = await(store().get(ALICE, "k")).orElseThrow();
        assertThat(read).isEqualTo(bytes("original"));
        Arrays.fill(read, (byte) 'y');
        assertThat(await(store().get(ALICE, "k")).orElseThrow()).isEqualTo(bytes("original"));
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        await(store().put(ALICE, Map.of("kept", bytes("1"), "changed", bytes("2"), "removed", bytes("3"))));
        await(store().put(ALICE, "changed", bytes("2b")));
        await(store().delete(ALICE, "removed"));
        await(store().put(BOB, "gone", bytes("4")));
        await(store().deleteAll(BOB));

        reopen();

        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("changed", bytes("2b"));
        expected.put("kept", bytes("1"));
        SequencedMap<String, byte[]> stored = await(store().list(ALICE, ""));
        assertThat(stored.sequencedKeySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, value) -> assertThat(stored.get(key)).isEqualTo(value));
        assertThat(await(store().list(BOB, ""))).isEmpty();
    }

    @Test
    void malformedArgumentsThrowBeforeAnythingIsSubmitted() {
        String longest = "k".repeat(KeyValueStore.MAX_KEY_OCTETS);
        String tooLong = "\u00e9".repeat(KeyValueStore.MAX_KEY_OCTETS / 2 + 1);
        assertThatThrownBy(() -> store().put(ALICE, tooLong, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get(ALICE, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get(ALICE, "bad\ud800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().list(ALICE, "bad\udc00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get(null, "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().get(ALICE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().list(ALICE, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().put(ALICE, "k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().deleteAll(null)).isInstanceOf(NullPointerException.class);
        Map<String, byte[]> halfBad = new HashMap<>();
        halfBad.put("good", new byte[1]);
        halfBad.put("", new byte[1]);
        assertThatThrownBy(() -> store().put(ALICE, halfBad)).isInstanceOf(IllegalArgumentException.class);

        await(store().put(ALICE, longest, bytes("fits")));
        assertThat(await(store().list(ALICE, "")).keySet()).as("nothing of the refused calls was written")
                .containsExactly(longest);
    }

    @Test
    void callsAfterCloseFailWithStorageException() {
        KeyValueStore closedStore = store();
        provider().close();

        assertThat(awaitFailure(closedStore.get(ALICE, "k"))).isInstanceOf(StorageException.class);
        assertThat(awaitFailure(closedStore.put(ALICE, "k", new byte[1]))).isInstanceOf(StorageException.class);
        assertThat(awaitFailure(closedStore.deleteAll(ALICE))).isInstanceOf(StorageException.class);

        reopen();
        assertThat(await(store().list(ALICE, ""))).as("nothing was written after close").isEmpty();
    }
}
