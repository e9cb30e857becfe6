package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link OfflineStore} must do: id order, an atomic quota, removal by id, isolation, durability. */
public abstract class OfflineStoreContract extends StorageContract {
    private static final AccountId ALICE = new AccountId("example.com", "alice");
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123456Z");

    private OfflineStore offline() {
        return provider().offline();
    }

    private static OfflineMessage message(long id, String body) {
        return new OfflineMessage(id, NOW.plusMillis(id), XmlElement.builder("message", "jabber:client")
                .attribute("from", "bob@example.com/phone").attribute("to", "alice@example.com")
                .attribute("type", "chat").textChild("body", body).build());
    }

    @Test
    void deleteAllEmptiesTheQueueAndFreesTheQuotaOfThatAccountOnly() {
        AccountId bob = new AccountId("example.com", "bob");
        await(offline().append(ALICE, message(1, "a"), 2));
        await(offline().append(ALICE, message(2, "b"), 2));
        await(offline().append(bob, message(3, "c"), 2));

        await(offline().deleteAll(ALICE));

        assertThat(await(offline().list(ALICE, 10))).isEmpty();
        assertThat(await(offline().list(bob, 10))).extracting(OfflineMessage::id).containsExactly(3L);
        assertThat(await(offline().append(ALICE, message(4, "d"), 2))).isTrue();
        assertThat(await(offline().append(ALICE, message(5, "e"), 2))).isTrue();
    }

    @Test
    void messagesComeBackInIdOrderWhateverTheOrderTheyWereStored() {
        for (long id : new long[] {30, -5, 10, 20}) {
            assertThat(await(offline().append(ALICE, message(id, "m" + id), 10))).isTrue();
        }

        assertThat(await(offline().list(ALICE, 10))).extracting(OfflineMessage::id).containsExactly(-5L, 10L, 20L, 30L);
        assertThat(await(offline().list(ALICE, 2))).extracting(OfflineMessage::id).containsExactly(-5L, 10L);
    }

    @Test
    void aMessageRoundTripsWithMillisecondStamp() {
        OfflineMessage stored = message(7, "h\u00e9llo \u2603 & <b>");
        await(offline().append(ALICE, stored, 10));

        OfflineMessage read = await(offline().list(ALICE, 1)).getFirst();

        assertThat(read).isEqualTo(stored);
        assertThat(read.stored()).isEqualTo(Instant.parse("2024-05-06T07:08:09.130Z"));
    }

    @Test
    void theQuotaRefusesAndStoresNothingMore() {
        await(offline().append(ALICE, message(1, "a"), 2));
        await(offline().append(ALICE, message(2, "b"), 2));

        assertThat(await(offline().append(ALICE, message(3, "c"), 2))).isFalse();
        assertThat(await(offline().append(ALICE, message(1, "a again"), 2))).as("replacing an id adds nothing")
                .isTrue();
        assertThat(await(offline().list(ALICE, 10))).extracting(OfflineMessage::id).containsExactly(1L, 2L);
        assertThat(await(offline().append(ALICE, message(4, "d"), 0))).isFalse();
    }

    @Test
    void removingMakesRoomAndIgnoresUnknownIds() {
        await(offline().append(ALICE, message(1, "a"), 2));
        await(offline().append(ALICE, message(2, "b"), 2));

        await(offline().remove(ALICE, List.of(1L, 99L)));

        assertThat(await(offline().list(ALICE, 10))).extracting(OfflineMessage::id).containsExactly(2L);
        assertThat(await(offline().append(ALICE, message(3, "c"), 2))).isTrue();
        await(offline().remove(ALICE, List.of(2L, 3L)));
        assertThat(await(offline().list(ALICE, 10))).isEmpty();
        await(offline().remove(ALICE, List.of()));
        assertThat(await(offline().append(ALICE, message(4, "d"), 1))).isTrue();
    }

    @Test
    void concurrentAppendsNeverExceedTheQuota() {
        List<CompletionStage<Boolean>> appends = IntStream.range(0, 60)
                .mapToObj(i -> offline().append(ALICE, message(i, "m"), 40)).toList();

        long stored = appends.stream().map(StorageContract::await).filter(Boolean::booleanValue).count();

        assertThat(stored).isEqualTo(40);
        assertThat(await(offline().list(ALICE, 100))).hasSize(40);
    }

    @Test
    void accountsAreIsolatedEvenWhenOneNameExtendsAnother() {
        AccountId al = new AccountId("example.com", "al");
        await(offline().append(ALICE, message(1, "for alice"), 10));
        await(offline().append(al, message(2, "for al"), 10));

        assertThat(await(offline().list(ALICE, 10))).extracting(OfflineMessage::id).containsExactly(1L);
        assertThat(await(offline().list(al, 10))).extracting(OfflineMessage::id).containsExactly(2L);
        assertThat(await(offline().list(new AccountId("example.com.evil", "alice"), 10))).isEmpty();
    }

    @Test
    void messagesAndQuotaSurviveCloseAndReopen() {
        await(offline().append(ALICE, message(1, "a"), 2));
        await(offline().append(ALICE, message(2, "b"), 2));

        reopen();

        assertThat(await(offline().list(ALICE, 10))).containsExactly(message(1, "a"), message(2, "b"));
        assertThat(await(offline().append(ALICE, message(3, "c"), 2))).isFalse();
    }

    @Test
    void malformedArgumentsThrowBeforeAnythingIsSubmitted() {
        assertThatThrownBy(() -> offline().append(ALICE, message(1, "a"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> offline().list(ALICE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> offline().append(ALICE, null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void callsAfterCloseFailWithStorageException() {
        OfflineStore closed = offline();
        provider().close();

        assertThat(awaitFailure(closed.list(ALICE, 1))).isInstanceOf(StorageException.class);
        assertThat(awaitFailure(closed.append(ALICE, message(1, "a"), 1))).isInstanceOf(StorageException.class);
    }
}
