package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.PubSubStore.Affiliation;
import dev.parley.server.api.storage.PubSubStore.Change;
import dev.parley.server.api.storage.PubSubStore.Outcome;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PubSubStore} must do: auto-create on publish, publication order, replacement by id, trimming to
 * max items, retract, purge, node deletion, the node limit, isolation between accounts, durability; subscriptions and
 * affiliations with their limits and the outcast rule.
 */
public abstract class PubSubStoreContract extends StorageContract {
    private static final AccountId ALICE = new AccountId("example.com", "alice");
    private static final AccountId BOB = new AccountId("example.com", "bob");
    private static final Jid PUBLISHER = Jid.parse("alice@example.com/phone");
    private static final Jid CAROL = Jid.parse("carol@example.com");
    private static final Jid CAROL_PHONE = Jid.parse("carol@example.com/phone");
    private static final Jid DAVE = Jid.parse("dave@example.net");
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

    private static Map<Jid, Optional<Affiliation>> affiliation(Jid jid, Affiliation affiliation) {
        Map<Jid, Optional<Affiliation>> changes = new LinkedHashMap<>();
        changes.put(jid, Optional.ofNullable(affiliation));
        return changes;
    }

    @Test
    void subscriptionsAreKeptPerExactJidAndListedPerNodeAndPerSubscriber() {
        publish(ALICE, "1");
        await(store().createNode(ALICE, new PubSubNode("other", Map.of()), 10));

        assertThat(await(store().subscribe(ALICE, TUNE.name(), CAROL, 10))).isEqualTo(Change.DONE);
        assertThat(await(store().subscribe(ALICE, TUNE.name(), CAROL, 10))).as("again: no change")
                .isEqualTo(Change.DONE);
        assertThat(await(store().subscribe(ALICE, TUNE.name(), CAROL_PHONE, 10))).isEqualTo(Change.DONE);
        assertThat(await(store().subscribe(ALICE, "other", CAROL_PHONE, 10))).isEqualTo(Change.DONE);
        assertThat(await(store().subscribe(ALICE, TUNE.name(), DAVE, 10))).isEqualTo(Change.DONE);
        assertThat(await(store().subscribe(ALICE, "missing", DAVE, 10))).isEqualTo(Change.NO_SUCH_NODE);

        assertThat(await(store().subscribers(ALICE, TUNE.name()))).containsExactly(CAROL, CAROL_PHONE, DAVE);
        assertThat(await(store().subscriptions(ALICE, CAROL_PHONE))).as("by bare JID")
                .isEqualTo(Map.of("other", List.of(CAROL_PHONE), TUNE.name(), List.of(CAROL, CAROL_PHONE)));
        assertThat(await(store().subscriptions(BOB, CAROL))).isEmpty();

        assertThat(await(store().unsubscribe(ALICE, TUNE.name(), CAROL))).isTrue();
        assertThat(await(store().unsubscribe(ALICE, TUNE.name(), CAROL))).isFalse();
        assertThat(await(store().subscribers(ALICE, TUNE.name()))).containsExactly(CAROL_PHONE, DAVE);
    }

    @Test
    void theSubscriptionLimitRefusesNewSubscribersOnly() {
        publish(ALICE, "1");
        await(store().subscribe(ALICE, TUNE.name(), CAROL, 2));
        await(store().subscribe(ALICE, TUNE.name(), DAVE, 2));

        assertThat(await(store().subscribe(ALICE, TUNE.name(), CAROL_PHONE, 2))).isEqualTo(Change.TOO_MANY);
        assertThat(await(store().subscribe(ALICE, TUNE.name(), DAVE, 2))).isEqualTo(Change.DONE);
        assertThat(await(store().subscribers(ALICE, TUNE.name()))).containsExactly(CAROL, DAVE);
    }

    @Test
    void affiliationsAreSetChangedAndRemovedAndAnOutcastLosesItsSubscriptions() {
        publish(ALICE, "1");
        await(store().subscribe(ALICE, TUNE.name(), CAROL, 10));
        await(store().subscribe(ALICE, TUNE.name(), CAROL_PHONE, 10));
        await(store().subscribe(ALICE, TUNE.name(), DAVE, 10));
        Map<Jid, Optional<Affiliation>> changes = affiliation(CAROL, Affiliation.OUTCAST);
        changes.put(DAVE, Optional.of(Affiliation.MEMBER));

        assertThat(await(store().affiliate(ALICE, TUNE.name(), changes, 10))).isEqualTo(Change.DONE);

        assertThat(await(store().affiliations(ALICE, TUNE.name())))
                .isEqualTo(Map.of(CAROL, Affiliation.OUTCAST, DAVE, Affiliation.MEMBER));
        assertThat(await(store().subscribers(ALICE, TUNE.name()))).containsExactly(DAVE);
        assertThat(await(store().subscribe(ALICE, TUNE.name(), CAROL_PHONE, 10))).isEqualTo(Change.OUTCAST);
        assertThat(await(store().affiliationsOf(ALICE, CAROL_PHONE))).isEqualTo(Map.of(TUNE.name(),
                Affiliation.OUTCAST));

        await(store().affiliate(ALICE, TUNE.name(), affiliation(CAROL, null), 10));
        assertThat(await(store().affiliations(ALICE, TUNE.name()))).containsOnlyKeys(DAVE);
        assertThat(await(store().subscribe(ALICE, TUNE.name(), CAROL_PHONE, 10))).isEqualTo(Change.DONE);
        assertThat(await(store().affiliate(ALICE, "missing", affiliation(CAROL, Affiliation.MEMBER), 10)))
                .isEqualTo(Change.NO_SUCH_NODE);
    }

    @Test
    void theAffiliationLimitRefusesTheWholeChange() {
        publish(ALICE, "1");
        await(store().affiliate(ALICE, TUNE.name(), affiliation(CAROL, Affiliation.MEMBER), 2));
        Map<Jid, Optional<Affiliation>> changes = affiliation(DAVE, Affiliation.OUTCAST);
        changes.put(Jid.parse("erin@example.com"), Optional.of(Affiliation.MEMBER));

        assertThat(await(store().affiliate(ALICE, TUNE.name(), changes, 2))).isEqualTo(Change.TOO_MANY);
        assertThat(await(store().affiliations(ALICE, TUNE.name()))).containsOnlyKeys(CAROL);

        changes.put(CAROL, Optional.empty());
        assertThat(await(store().affiliate(ALICE, TUNE.name(), changes, 2))).as("one leaves as two come")
                .isEqualTo(Change.DONE);
        assertThat(await(store().affiliations(ALICE, TUNE.name()))).containsOnlyKeys(DAVE,
                Jid.parse("erin@example.com"));
    }

    @Test
    void deletingANodeForgetsItsSubscriptionsAndAffiliationsPurgingKeepsThem() {
        publish(ALICE, "1");
        await(store().subscribe(ALICE, TUNE.name(), CAROL, 10));
        await(store().affiliate(ALICE, TUNE.name(), affiliation(DAVE, Affiliation.MEMBER), 10));

        await(store().purge(ALICE, TUNE.name()));
        assertThat(await(store().subscribers(ALICE, TUNE.name()))).containsExactly(CAROL);
        assertThat(await(store().affiliations(ALICE, TUNE.name()))).containsOnlyKeys(DAVE);
        reopen();
        assertThat(await(store().subscribers(ALICE, TUNE.name()))).as("durable").containsExactly(CAROL);

        await(store().deleteNode(ALICE, TUNE.name()));
        publish(ALICE, "2");
        assertThat(await(store().subscribers(ALICE, TUNE.name()))).isEmpty();
        assertThat(await(store().affiliations(ALICE, TUNE.name()))).isEmpty();
        assertThat(await(store().subscriptions(ALICE, CAROL))).isEmpty();
        assertThat(await(store().affiliationsOf(ALICE, DAVE))).isEmpty();
    }

    @Test
    void malformedArgumentsThrowAtOnce() {
        assertThatThrownBy(() -> store().node(ALICE, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().items(ALICE, "n", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().publish(ALICE, TUNE, item("1", "x"), 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PubSubItem("x".repeat(PubSubStore.MAX_NAME_OCTETS + 1), PUBLISHER,
                XmlElement.empty("a", "b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().subscribe(ALICE, TUNE.name(), CAROL, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().affiliate(ALICE, TUNE.name(), affiliation(CAROL_PHONE,
                Affiliation.MEMBER), 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
