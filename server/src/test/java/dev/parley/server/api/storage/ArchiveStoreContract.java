package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ArchiveStore} must do: ids assigned in append order and never reused, every filter of
 * {@link ArchiveQuery}, paging both ways with completeness and count, unknown ids, bounds, isolation, durability.
 */
public abstract class ArchiveStoreContract extends StorageContract {
    private static final AccountId ALICE = new AccountId("example.com", "alice");
    private static final AccountId BOB = new AccountId("example.com", "bob");
    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");

    private ArchiveStore archive() {
        return provider().archive();
    }

    private static XmlElement chat(String from, String to, String body) {
        return XmlElement.builder("message", "jabber:client").attribute("from", from).attribute("to", to)
                .attribute("type", "chat").textChild("body", body).build();
    }

    /** Appends message {@code n} (0-based) with stamp T0 + n seconds; the other party alternates romeo/juliet. */
    private long append(AccountId account, int n, String body) {
        String with = n % 2 == 0 ? "romeo@montague.lit/orchard" : "juliet@capulet.lit/balcony";
        return await(archive().append(account, T0.plusSeconds(n), Jid.parse(with),
                chat(with, account.username() + "@example.com", body)));
    }

    private List<Long> appendMany(int count) {
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(append(ALICE, n, "message number " + n));
        }
        return ids;
    }

    private ArchivePage query(ArchiveQuery query) {
        return await(archive().query(ALICE, query)).orElseThrow();
    }

    private static List<Long> ids(ArchivePage page) {
        return page.messages().stream().map(ArchivedMessage::id).toList();
    }

    private static ArchiveQuery filtered(Jid with, Instant start, Instant end, String text, int limit) {
        return new ArchiveQuery(with, start, end, null, null, null, text, null, null, false, limit);
    }

    @Test
    void idsStartAtOneAndFollowAppendOrderPerArchive() {
        assertThat(appendMany(3)).containsExactly(1L, 2L, 3L);
        assertThat(append(BOB, 0, "x")).isEqualTo(1L);
    }

    @Test
    void concurrentAppendsGetDistinctIdsAndAllLand() {
        List<CompletionStage<Long>> stages = IntStream.range(0, 200).mapToObj(n -> archive().append(ALICE,
                T0, Jid.parse("romeo@montague.lit"), chat("romeo@montague.lit", "alice@example.com", "m" + n)))
                .toList();
        List<Long> ids = stages.stream().map(StorageContract::await).sorted().toList();

        assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 200).mapToObj(i -> (long) i).toList());
        assertThat(ids(query(ArchiveQuery.firstPage(500)))).containsExactlyElementsOf(ids);
    }

    @Test
    void aMessageRoundTrips() {
        XmlElement stanza = chat("romeo@montague.lit/orchard", "alice@example.com", "h\u00e9llo \u2603 & <b>");
        long id = await(archive().append(ALICE, T0, Jid.parse("romeo@montague.lit/orchard"), stanza));

        ArchivedMessage read = query(ArchiveQuery.firstPage(10)).messages().getFirst();

        assertThat(read).isEqualTo(new ArchivedMessage(id, T0, Jid.parse("romeo@montague.lit/orchard"), stanza));
        assertThat(read.stamp()).isEqualTo(Instant.parse("2024-05-06T07:08:09.123Z"));
    }

    @Test
    void pagesForwardWithCompletenessAndCount() {
        List<Long> all = appendMany(5);

        ArchivePage first = query(ArchiveQuery.firstPage(2));
        ArchivePage second = query(ArchiveQuery.after(first.messages().getLast().id(), 2));
        ArchivePage third = query(ArchiveQuery.after(second.messages().getLast().id(), 2));

        assertThat(ids(first)).isEqualTo(all.subList(0, 2));
        assertThat(first.complete()).isFalse();
        assertThat(first.count()).isEqualTo(5);
        assertThat(ids(second)).isEqualTo(all.subList(2, 4));
        assertThat(ids(third)).isEqualTo(all.subList(4, 5));
        assertThat(third.complete()).isTrue();
        assertThat(query(ArchiveQuery.firstPage(5)).complete()).isTrue();
    }

    @Test
    void pagesBackwardFromTheEndOrBeforeAnIdOldestFirst() {
        List<Long> all = appendMany(5);

        ArchivePage last = query(ArchiveQuery.lastPage(2));
        ArchivePage before = query(new ArchiveQuery(null, null, null, null, null, null, null, null, all.get(3), true,
                2));
        ArchivePage start = query(new ArchiveQuery(null, null, null, null, null, null, null, null, all.get(1), true,
                2));

        assertThat(ids(last)).isEqualTo(all.subList(3, 5));
        assertThat(last.complete()).isFalse();
        assertThat(ids(before)).isEqualTo(all.subList(1, 3));
        assertThat(ids(start)).isEqualTo(all.subList(0, 1));
        assertThat(start.complete()).isTrue();
    }

    @Test
    void withMatchesBareJidsOnEveryResourceAndFullJidsExactly() {
        appendMany(4);

        assertThat(ids(query(filtered(Jid.parse("romeo@montague.lit"), null, null, null, 10)))).containsExactly(1L,
                3L);
        assertThat(ids(query(filtered(Jid.parse("juliet@capulet.lit/balcony"), null, null, null, 10))))
                .containsExactly(2L, 4L);
        assertThat(query(filtered(Jid.parse("juliet@capulet.lit/other"), null, null, null, 10)).messages()).isEmpty();
    }

    @Test
    void startAndEndAreInclusiveAndCountFollowsFilters() {
        appendMany(5);

        ArchivePage page = query(filtered(null, T0.plusSeconds(1), T0.plusSeconds(3), null, 10));

        assertThat(ids(page)).containsExactly(2L, 3L, 4L);
        assertThat(page.count()).isEqualTo(3);
        assertThat(query(filtered(null, T0.plusSeconds(1), T0.plusSeconds(3), null, 1)).count()).isEqualTo(3);
    }

    @Test
    void afterIdBeforeIdAndIdsFilter() {
        List<Long> all = appendMany(6);

        ArchivePage range = query(new ArchiveQuery(null, null, null, all.get(1), all.get(4), null, null, null, null,
                false, 10));
        ArchivePage listed = query(new ArchiveQuery(null, null, null, null, null, List.of(all.get(5), all.get(0)),
                null, null, null, false, 10));

        assertThat(ids(range)).isEqualTo(all.subList(2, 4));
        assertThat(range.count()).isEqualTo(2);
        assertThat(ids(listed)).containsExactly(all.get(0), all.get(5));
    }

    @Test
    void fullTextMatchesEveryWordCaseInsensitively() {
        append(ALICE, 0, "Wherefore art thou Romeo");
        append(ALICE, 1, "deny thy father");
        append(ALICE, 2, "ART for art's sake");

        assertThat(ids(query(filtered(null, null, null, "art", 10)))).containsExactly(1L, 3L);
        assertThat(ids(query(filtered(null, null, null, "romeo WHEREFORE", 10)))).containsExactly(1L);
        assertThat(ids(query(filtered(null, null, null, "fath", 10)))).containsExactly(2L);
        assertThat(query(filtered(null, null, null, "juliet", 10)).messages()).isEmpty();
    }

    @Test
    void anUnknownNamedIdGivesNoPage() {
        appendMany(2);

        assertThat(await(archive().query(ALICE, ArchiveQuery.after(3, 10)))).isEmpty();
        assertThat(await(archive().query(ALICE, new ArchiveQuery(null, null, null, null, null, List.of(1L, 9L), null,
                null, null, false, 10)))).isEmpty();
        assertThat(await(archive().query(BOB, ArchiveQuery.after(1, 10)))).as("another archive's id").isEmpty();
        assertThat(await(archive().query(ALICE, ArchiveQuery.after(0, 10)))).isEmpty();
    }

    @Test
    void limitZeroGivesOnlyTheCount() {
        appendMany(3);

        ArchivePage page = query(ArchiveQuery.firstPage(0));

        assertThat(page.messages()).isEmpty();
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.complete()).isFalse();
    }

    @Test
    void boundsAreTheFirstAndLastMessage() {
        assertThat(await(archive().bounds(ALICE))).isEmpty();
        appendMany(3);
        append(BOB, 9, "other archive");

        assertThat(await(archive().bounds(ALICE))).contains(new ArchiveBounds(1, T0.truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS), 3, T0.plusSeconds(2).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS)));
    }

    @Test
    void deleteAllEmptiesOneArchiveAndIdsAreNeverReused() {
        appendMany(3);
        append(BOB, 0, "bob keeps this");

        await(archive().deleteAll(ALICE));

        assertThat(query(ArchiveQuery.firstPage(10)).messages()).isEmpty();
        assertThat(await(archive().bounds(ALICE))).isEmpty();
        assertThat(await(archive().query(BOB, ArchiveQuery.firstPage(10))).orElseThrow().messages()).hasSize(1);
        assertThat(append(ALICE, 0, "after deletion")).isEqualTo(4L);
        assertThat(query(ArchiveQuery.firstPage(10)).count()).isEqualTo(1);
    }

    @Test
    void messagesAndTheCounterSurviveAReopen() {
        appendMany(2);

        reopen();

        assertThat(ids(query(ArchiveQuery.firstPage(10)))).containsExactly(1L, 2L);
        assertThat(append(ALICE, 2, "after restart")).isEqualTo(3L);
        Optional<ArchiveBounds> bounds = await(archive().bounds(ALICE));
        assertThat(bounds.orElseThrow().lastId()).isEqualTo(3L);
    }

    @Test
    void replaceSwapsOnlyTheStanzaAndSurvivesAReopen() {
        appendMany(3);
        XmlElement tombstone = XmlElement.builder("message", "jabber:client").attribute("type", "chat")
                .child(XmlElement.empty("retracted", "urn:xmpp:message-retract:1")).build();

        assertThat(await(archive().replace(ALICE, 2, tombstone))).isTrue();
        reopen();

        List<ArchivedMessage> messages = query(ArchiveQuery.firstPage(10)).messages();
        assertThat(ids(query(ArchiveQuery.firstPage(10)))).containsExactly(1L, 2L, 3L);
        assertThat(messages.get(1)).isEqualTo(new ArchivedMessage(2, T0.plusSeconds(1),
                Jid.parse("juliet@capulet.lit/balcony"), tombstone));
        assertThat(messages.get(0).stanza().childText("body", "jabber:client")).contains("message number 0");
        assertThat(append(ALICE, 3, "next")).isEqualTo(4L);
        assertThat(query(ArchiveQuery.firstPage(10)).count()).isEqualTo(4);
    }

    @Test
    void replacingAnUnknownIdChangesNothing() {
        appendMany(1);
        append(BOB, 0, "bob's message");
        XmlElement stanza = chat("a@b.c", "alice@example.com", "replacement");

        assertThat(await(archive().replace(ALICE, 2, stanza))).isFalse();
        assertThat(await(archive().replace(ALICE, 0, stanza))).isFalse();
        await(archive().deleteAll(ALICE));
        assertThat(await(archive().replace(ALICE, 1, stanza))).isFalse();

        assertThat(query(ArchiveQuery.firstPage(10)).messages()).isEmpty();
        assertThat(query(ArchiveQuery.firstPage(10)).count()).isZero();
        assertThat(append(ALICE, 1, "after")).isEqualTo(2L);
    }
}
