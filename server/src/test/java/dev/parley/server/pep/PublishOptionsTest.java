package dev.parley.server.pep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.PubSubStore.Affiliation;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.xmpp.jid.Jid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The publish-options rules (XEP-0060 §7.1.5) and the access models (§4.5) without a server. */
class PublishOptionsTest {
    private static final int LIMIT = 50;
    private static final Jid BOB = Jid.parse("bob@example.com");

    private static PublishOptions.Decision decide(Optional<NodeConfig> existing, String... varsAndValues) {
        Map<String, List<String>> preconditions = new java.util.LinkedHashMap<>();
        for (int i = 0; i < varsAndValues.length; i += 2) {
            preconditions.put(varsAndValues[i], List.of(varsAndValues[i + 1]));
        }
        return PublishOptions.decide(existing, preconditions, LIMIT);
    }

    @Test
    void aMissingNodeIsCreatedWithTheDefaultsOverriddenByThePreconditions() {
        PublishOptions.Decision decision = decide(Optional.empty(), "pubsub#access_model", "whitelist",
                "pubsub#max_items", "max", "pubsub#persist_items", "1", "pubsub#send_last_published_item", "never");

        assertThat(decision).isEqualTo(new PublishOptions.Decision.Publish(new NodeConfig(AccessModel.WHITELIST,
                List.of(), true, LIMIT, "never", true, true, true, true, null)));
    }

    @Test
    void anExistingNodeMustMatchEveryPrecondition() {
        NodeConfig bookmarks = NodeConfig.defaults();
        bookmarks = ConfigForm.apply(bookmarks, Map.of("pubsub#access_model", List.of("whitelist"),
                "pubsub#max_items", List.of("max")), LIMIT).orElseThrow();

        assertThat(decide(Optional.of(bookmarks), "pubsub#access_model", "whitelist", "pubsub#max_items", "50"))
                .isInstanceOf(PublishOptions.Decision.Publish.class);
        assertThat(decide(Optional.of(bookmarks), "pubsub#max_items", "max"))
                .isInstanceOf(PublishOptions.Decision.Publish.class);
        assertThat(decide(Optional.of(bookmarks), "pubsub#access_model", "open"))
                .isInstanceOf(PublishOptions.Decision.NotMet.class);
        assertThat(decide(Optional.of(bookmarks), "pubsub#unknown", "x"))
                .isInstanceOf(PublishOptions.Decision.NotMet.class);
        assertThat(decide(Optional.of(bookmarks), "pubsub#max_items", "51"))
                .isInstanceOf(PublishOptions.Decision.BadRequest.class);
        assertThat(decide(Optional.empty(), "pubsub#persist_items", "yes"))
                .isInstanceOf(PublishOptions.Decision.BadRequest.class);
    }

    @Test
    void accessModelsAdmitContactsByTheirRosterEntry() {
        RosterItem from = new RosterItem(BOB, null, List.of("friends"), RosterItem.Subscription.FROM, false, false,
                false, true, null);
        RosterItem to = new RosterItem(BOB, null, List.of("work"), RosterItem.Subscription.TO, false, false, false,
                true, null);
        NodeConfig presence = NodeConfig.defaults();
        NodeConfig roster = ConfigForm.apply(presence, Map.of("pubsub#access_model", List.of("roster"),
                "pubsub#roster_groups_allowed", List.of("friends")), LIMIT).orElseThrow();
        NodeConfig whitelist = ConfigForm.apply(presence, Map.of("pubsub#access_model", List.of("whitelist")), LIMIT)
                .orElseThrow();
        NodeConfig open = ConfigForm.apply(presence, Map.of("pubsub#access_model", List.of("open")), LIMIT)
                .orElseThrow();

        assertThat(PepAccess.allows(presence, Optional.of(from), null)).isTrue();
        assertThat(PepAccess.allows(presence, Optional.of(to), null)).isFalse();
        assertThat(PepAccess.allows(roster, Optional.of(from), null)).isTrue();
        assertThat(PepAccess.allows(roster, Optional.of(to), null)).isFalse();
        assertThat(PepAccess.allows(whitelist, Optional.of(from), null)).isFalse();
        assertThat(PepAccess.allows(open, Optional.empty(), null)).isTrue();
        assertThat(PepAccess.allows(presence, Optional.empty(), null)).isFalse();
        assertThat(PepAccess.allows(whitelist, Optional.empty(), Affiliation.MEMBER)).as("a member").isTrue();
        assertThat(PepAccess.allows(open, Optional.of(from), Affiliation.OUTCAST)).as("an outcast").isFalse();
    }

    @Test
    void aStoredConfigurationRoundTrips() {
        NodeConfig config = new NodeConfig(AccessModel.ROSTER, List.of("a", "b"), false, 7, "on_sub", false, false,
                false, true, "Title");

        assertThat(NodeConfig.of(config.toNode("n"), LIMIT)).isEqualTo(config);
        assertThat(config.storedItems()).as("not persisted: the last item only").isEqualTo(1);
        assertThat(NodeConfig.of(NodeConfig.defaults().toNode("n"), LIMIT)).isEqualTo(NodeConfig.defaults());
    }
}
