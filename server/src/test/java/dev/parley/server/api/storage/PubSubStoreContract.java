package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.PubSubStore.Outcome;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PubSubStore} must do: auto-create on publish, publication order, replacement by id, trimming to
 * max items, retract, purge, node deletion, the node limit, isolation between accounts, durability.
 */
public abstract class PubSubStoreContract extends StorageContract {
    private static final AccountId ALICE = new AccountId("example.com", "alice");
    private static final AccountId BOB = new AccountId("example.com", "bob");
    private static final Jid PUBLISHER = Jid.parse("alice@example.com/phone");
    private static final PubSubNode TUNE = new PubSubNode("urn:xmpp:tune",
            Map.of("pubsub#access_model", List.of("presence")));

    private PubSubStore store() {
        return provider().pubSub();
    }

    private static PubSubItem item(String id, String text) {
        return new PubSubItem(id, PUBLISHER, XmlElement.builder("tune", "http://jabber.org/protocol/tune")
                .textChild("title", text).build());
    }

    private static List<String> ids(List<PubSubItem> items) {
        return items.stream().map(PubSubItem::id).toList();
    }

    private void publish(AccountId owner, String id) {
        assertThat(await(store().publish(owner, TUNE, item(id, "t" + id), 10, 10))).isEqualTo(Outcome.DONE);
    }

    @Test
    void publishingCreatesTheNodeWithTheGivenConfigurationAndKeepsPublicationOrder() {
        publish(ALICE, "b");
        publish(ALICE, "a");
        publish(ALICE, "c");

        assertThat(await(store().node(ALICE, TUNE.name()))).contains(TUNE);
        assertThat(ids(await(store().items(ALICE, TUNE.name(), 10)))).containsExactly("b", "a", "c");
        assertThat(ids(await(store().items(ALICE, TUNE.name(), 2)))).as("the newest two").containsExactly("a", "c");
        assertThat(await(store().items(ALICE, TUNE.name(), 1)).getFirst()).isEqualTo(item("c", "tc"));
    }

    @Test
    void anExistingNodeKeepsItsConfigurationWhenPublishedTo() {
        publish(ALICE, "1");
        PubSubNode other = new PubSubNode(TUNE.name(), Map.of("pubsub#access_model", List.of("open")));

        await(store().publish(ALICE, other, item("2", "x"), 10, 10));

        assertThat(await(store().node(ALICE, TUNE.name()))).contains(TUNE);
    }

    @Test
    void republishingAnIdReplacesTheItemWhichBecomesTheNewest() {
        publish(ALICE, "1");
        publish(ALICE, "2");
        await(store().publish(ALICE, TUNE, item("1", "again"), 10, 10));

        List<PubSubItem> items = await(store().items(ALICE, TUNE.name(), 10));

        assertThat(ids(items)).containsExactly("2", "1");
        assertThat(items.getLast()).isEqualTo(item("1", "again"));
    }

    @Test
    void theOldestItemsBeyondMaxItemsAreRemoved() {
        for (String id : List.of("1", "2", "3", "4")) {
            await(store().publish(ALICE, TUNE, item(id, id), 2, 10));
        }

        assertThat(ids(await(store().items(ALICE, TUNE.name(), 10)))).containsExactly("3", "4");
        assertThat(await(store().items(ALICE, TUNE.name(), List.of("1", "2")))).as("trimmed ids are gone").isEmpty();
        await(store().publish(ALICE, TUNE, item("1", "back"), 2, 10));
        assertThat(ids(await(store().items(ALICE, TUNE.name(), 10)))).containsExactly("4", "1");
    }

    @Test
    void configuringReplacesTheOptionsAndTrims() {
        publish(ALICE, "1");
        publish(ALICE, "2");
        publish(ALICE, "3");
        PubSubNode open = new PubSubNode(TUNE.name(), Map.of("pubsub#access_model", List.of("open")));

        assertThat(await(store().configureNode(ALICE, open, 1))).isTrue();
        assertThat(await(store().configureNode(ALICE, new PubSubNode("missing", Map.of()), 1))).isFalse();

        assertThat(await(store().node(ALICE, TUNE.name()))).contains(open);
        assertThat(ids(await(store().items(ALICE, TUNE.name(), 10)))).containsExactly("3");
        assertThat(await(store().node(ALICE, "missing"))).isEmpty();
    }

    @Test
    void itemsById() {
        publish(ALICE, "1");
        publish(ALICE, "2");
        publish(ALICE, "3");

        assertThat(ids(await(store().items(ALICE, TUNE.name(), List.of("3", "nope", "1"))))).containsExactly("1", "3");
        assertThat(await(store().items(ALICE, "other", List.of("1")))).isEmpty();
        assertThat(await(store().items(ALICE, "other", 5))).isEmpty();
    }

    @Test
    void retractRemovesOneItem() {
        publish(ALICE, "1");
        publish(ALICE, "2");

        assertThat(await(store().retract(ALICE, TUNE.name(), "1"))).isTrue();
        assertThat(await(store().retract(ALICE, TUNE.name(), "1"))).isFalse();
        assertThat(await(store().retract(ALICE, "missing", "1"))).isFalse();

        assertThat(ids(await(store().items(ALICE, TUNE.name(), 10)))).containsExactly("2");
        for (String id : List.of("3", "4")) {
            await(store().publish(ALICE, TUNE, item(id, id), 2, 10));
        }
        assertThat(ids(await(store().items(ALICE, TUNE.name(), 10)))).as("the count followed the retract")
                .containsExactly("3", "4");
    }

    @Test
    void purgeEmptiesTheNodeAndKeepsIt() {
        publish(ALICE, "1");

        assertThat(await(store().purge(ALICE, TUNE.name()))).isTrue();
        assertThat(await(store().purge(ALICE, "missing"))).isFalse();

        assertThat(await(store().items(ALICE, TUNE.name(), 10))).isEmpty();
        assertThat(await(store().node(ALICE, TUNE.name()))).contains(TUNE);
    }

    @Test
    void nodesAreListedByNameAndDeletedWithTheirItems() {
        publish(ALICE, "1");
        PubSubNode bookmarks = new PubSubNode("urn:xmpp:bookmarks:1", Map.of());
        assertThat(await(store().createNode(ALICE, bookmarks, 10))).isEqualTo(Outcome.DONE);
        assertThat(await(store().createNode(ALICE, bookmarks, 10))).isEqualTo(Outcome.EXISTS);

        assertThat(await(store().nodes(ALICE))).containsExactly(bookmarks, TUNE);
        assertThat(await(store().deleteNode(ALICE, TUNE.name()))).isTrue();
        assertThat(await(store().deleteNode(ALICE, TUNE.name()))).isFalse();

        assertThat(await(store().nodes(ALICE))).containsExactly(bookmarks);
        assertThat(await(store().items(ALICE, TUNE.name(), 10))).isEmpty();
        publish(ALICE, "2");
        assertThat(ids(await(store().items(ALICE, TUNE.name(), 10)))).as("a new node starts empty")
                .containsExactly("2");
    }

    @Test
    void theNodeLimitRefusesANewNodeButNotPublishingToAnExistingOne() {
        assertThat(await(store().createNode(ALICE, new PubSubNode("a", Map.of()), 2))).isEqualTo(Outcome.DONE);
        assertThat(await(store().publish(ALICE, new PubSubNode("b", Map.of()), item("1", "x"), 5, 2)))
                .isEqualTo(Outcome.DONE);

        assertThat(await(store().publish(ALICE, new PubSubNode("c", Map.of()), item("1", "x"), 5, 2)))
                .isEqualTo(Outcome.TOO_MANY_NODES);
        assertThat(await(store().createNode(ALICE, new PubSubNode("c", Map.of()), 2)))
                .isEqualTo(Outcome.TOO_MANY_NODES);
        assertThat(await(store().publish(ALICE, new PubSubNode("a", Map.of()), item("1", "x"), 5, 2)))
                .isEqualTo(Outcome.DONE);
        assertThat(await(store().nodes(ALICE))).extracting(PubSubNode::name).containsExactly("a", "b");

        await(store().deleteNode(ALICE, "a"));
        assertThat(await(store().createNode(ALICE, new PubSubNode("c", Map.of()), 2))).isEqualTo(Outcome.DONE);
    }

    @Test
    void accountsAreIsolatedAndDeleteAllErasesOneAccountOnly() {
        publish(ALICE, "1");
        publish(BOB, "9");

        await(store().deleteAll(ALICE));

        assertThat(await(store().nodes(ALICE))).isEmpty();
        assertThat(await(store().items(ALICE, TUNE.name(), 10))).isEmpty();
        assertThat(ids(await(store().items(BOB, TUNE.name(), 10)))).containsExactly("9");
        assertThat(await(store().createNode(ALICE, new PubSubNode("a", Map.of()), 1))).as("node count reset")
                .isEqualTo(Outcome.DONE);
    }

    @Test
    void everythingSurvivesAReopen() {
        publish(ALICE, "1");
        publish(ALICE, "2");

        reopen();

        assertThat(await(store().node(ALICE, TUNE.name()))).contains(TUNE);
        assertThat(await(store().items(ALICE, TUNE.name(), 10))).containsExactly(item("1", "t1"), item("2", "t2"));
    }

    @Test
    void malformedArgumentsThrowAtOnce() {
        assertThatThrownBy(() -> store().node(ALICE, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().items(ALICE, "n", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().publish(ALICE, TUNE, item("1", "x"), 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PubSubItem("x".repeat(PubSubStore.MAX_NAME_OCTETS + 1), PUBLISHER,
                XmlElement.empty("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
