package dev.parley.server.pep;

import dev.parley.server.api.storage.PubSubNode;
import dev.parley.xmpp.forms.DataForm;
import dev.parley.xmpp.forms.FormField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of a PEP node (XEP-0060 §8.2, "pubsub#node_config"), with XEP-0163 §9's defaults: presence
 * access, notifications with payloads, the last item sent on presence. Stored as the form's values
 * ({@link PubSubNode#options()}); {@link ConfigForm} reads what clients submit.
 *
 * @param access            who may retrieve items and receive notifications
 * @param rosterGroups      for {@link AccessModel#ROSTER}: the owner's roster groups whose contacts have access
 * @param persistItems      whether items are kept; when false the node keeps its last item only, which PEP still
 *                          sends to newly available resources (XEP-0163 §4.3.4)
 * @param maxItems          most items kept (when persisted)
 * @param sendLast          "never", "on_sub" or "on_sub_and_presence"
 * @param deliverNotifications         pubsub#deliver_notifications
 * @param deliverPayloads   whether notifications carry the payload
 * @param notifyRetract     whether a retraction is announced
 * @param notifyDelete      whether deleting or purging the node is announced
 * @param title             a friendly name, or null
 */
public record NodeConfig(AccessModel access, List<String> rosterGroups, boolean persistItems, int maxItems,
                         String sendLast, boolean deliverNotifications, boolean deliverPayloads, boolean notifyRetract,
                         boolean notifyDelete, String title) {
    public static final String FORM_TYPE = "http://jabber.org/protocol/pubsub#node_config";
    static final String ACCESS_MODEL = "pubsub#access_model";
    static final String ROSTER_GROUPS = "pubsub#roster_groups_allowed";
    static final String PERSIST_ITEMS = "pubsub#persist_items";
    static final String MAX_ITEMS = "pubsub#max_items";
    static final String SEND_LAST = "pubsub#send_last_published_item";
    static final String DELIVER_NOTIFICATIONS = "pubsub#deliver_notifications";
    static final String DELIVER_PAYLOADS = "pubsub#deliver_payloads";
    static final String NOTIFY_RETRACT = "pubsub#notify_retract";
    static final String NOTIFY_DELETE = "pubsub#notify_delete";
    static final String TITLE = "pubsub#title";
    static final List<String> SEND_LAST_VALUES = List.of("never", "on_sub", "on_sub_and_presence");

    public NodeConfig {
        Objects.requireNonNull(access, "access");
        rosterGroups = List.copyOf(rosterGroups);
        if (!SEND_LAST_VALUES.contains(sendLast)) {
            throw new IllegalArgumentException("unknown send_last_published_item: " + sendLast);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1: " + maxItems);
        }
    }

    /** XEP-0163 §9's defaults; one item, as most PEP payloads (tune, mood, avatar metadata) are singletons. */
    public static NodeConfig defaults() {
        return new NodeConfig(AccessModel.PRESENCE, List.of(), true, 1, "on_sub_and_presence", true, true, true, true,
                null);
    }

    /** Reads a stored configuration; values it does not hold keep their defaults. */
    public static NodeConfig of(PubSubNode node, int maxItemsLimit) {
        Map<String, List<String>> options = new LinkedHashMap<>(node.options());
        // A node made while the limit was higher keeps as many items as the limit allows now.
        options.computeIfPresent(MAX_ITEMS, (var, values) -> values.size() == 1 && values.getFirst().matches("\\d{1,9}")
                && Integer.parseInt(values.getFirst()) > maxItemsLimit ? List.of("max") : values);
        return ConfigForm.apply(defaults(), options, maxItemsLimit)
                .orElseThrow(() -> new IllegalStateException("stored configuration of " + node.name() + " is invalid"));
    }

    /** How many items the store keeps for the node. */
    public int storedItems() {
        return persistItems ? maxItems : 1;
    }

    public PubSubNode toNode(String name) {
        return new PubSubNode(name, values());
    }

    /** The configuration as form values by var, as stored and as compared with publish-options. */
    public Map<String, List<String>> values() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put(ACCESS_MODEL, List.of(access.wireName()));
        values.put(ROSTER_GROUPS, rosterGroups);
        values.put(PERSIST_ITEMS, List.of(bool(persistItems)));
        values.put(MAX_ITEMS, List.of(Integer.toString(maxItems)));
        values.put(SEND_LAST, List.of(sendLast));
        values.put(DELIVER_NOTIFICATIONS, List.of(bool(deliverNotifications)));
        values.put(DELIVER_PAYLOADS, List.of(bool(deliverPayloads)));
        values.put(NOTIFY_RETRACT, List.of(bool(notifyRetract)));
        values.put(NOTIFY_DELETE, List.of(bool(notifyDelete)));
        values.put(TITLE, title == null ? List.of() : List.of(title));
        return values;
    }

    /** The configuration form (XEP-0060 §8.2.1) with the current values. */
    public DataForm form(int maxItemsLimit) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.hidden(FormField.FORM_TYPE, FORM_TYPE));
        fields.add(new FormField(ACCESS_MODEL, "list-single", "Who may subscribe and retrieve items", false,
                List.of(access.wireName()), java.util.Arrays.stream(AccessModel.values())
                .map(model -> new FormField.Option(null, model.wireName())).toList()));
        fields.add(FormField.of(ROSTER_GROUPS, "list-multi", "Roster groups allowed to subscribe", false,
                rosterGroups));
        fields.add(FormField.of(PERSIST_ITEMS, "boolean", "Persist items to storage", false,
                List.of(bool(persistItems))));
        fields.add(FormField.of(MAX_ITEMS, "text-single", "Max # of items to persist (at most " + maxItemsLimit
                + ", or 'max')", false, List.of(Integer.toString(maxItems))));
        fields.add(new FormField(SEND_LAST, "list-single", "When to send the last published item", false,
                List.of(sendLast), SEND_LAST_VALUES.stream().map(v -> new FormField.Option(null, v)).toList()));
        fields.add(FormField.of(DELIVER_NOTIFICATIONS, "boolean", "Deliver event notifications", false,
                List.of(bool(deliverNotifications))));
        fields.add(FormField.of(DELIVER_PAYLOADS, "boolean", "Deliver payloads with event notifications", false,
                List.of(bool(deliverPayloads))));
        fields.add(FormField.of(NOTIFY_RETRACT, "boolean", "Notify subscribers when items are removed", false,
                List.of(bool(notifyRetract))));
        fields.add(FormField.of(NOTIFY_DELETE, "boolean", "Notify subscribers when the node is deleted or purged",
                false, List.of(bool(notifyDelete))));
        fields.add(FormField.of(TITLE, "text-single", "A friendly name for the node", false,
                title == null ? List.of() : List.of(title)));
        return new DataForm(DataForm.Type.FORM, null, List.of(), fields);
    }

    private static String bool(boolean value) {
        return value ? "true" : "false";
    }
}
