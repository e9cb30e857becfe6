package dev.parley.server.pep;

import dev.parley.xmpp.forms.FormField;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads node configuration values as clients submit them (XEP-0060 §8.2.4 configure, §7.1.5 publish-options):
 * booleans as {@code 1}/{@code true}/{@code 0}/{@code false} (XEP-0004 §3.3), {@code pubsub#max_items} as a number
 * up to the server's limit or {@code max} for the limit itself.
 */
final class ConfigForm {
    /** Fields the service does not store but whose only supported value it accepts. */
    private static final Map<String, String> FIXED = Map.of(
            "pubsub#publish_model", "publishers",
            "pubsub#notification_type", "headline");

    /** What applying submitted values gave. */
    sealed interface Outcome {
        record Applied(NodeConfig config) implements Outcome {
        }

        /** A field this service does not know or does not support the value of. */
        record Unsupported(String var) implements Outcome {
        }

        /** A malformed value. */
        record Invalid(String var, String reason) implements Outcome {
        }
    }

    private ConfigForm() {
    }

    /** {@code base} with the submitted values; empty when any is unknown or invalid. */
    static Optional<NodeConfig> apply(NodeConfig base, Map<String, List<String>> submitted, int maxItemsLimit) {
        return read(base, submitted, maxItemsLimit) instanceof Outcome.Applied applied
                ? Optional.of(applied.config()) : Optional.empty();
    }

    /** {@code base} with the submitted values, or why they cannot be applied. {@code FORM_TYPE} is skipped. */
    static Outcome read(NodeConfig base, Map<String, List<String>> submitted, int maxItemsLimit) {
        AccessModel access = base.access();
        List<String> rosterGroups = base.rosterGroups();
        boolean persist = base.persistItems();
        int maxItems = base.maxItems();
        String sendLast = base.sendLast();
        boolean deliverNotifications = base.deliverNotifications();
        boolean payloads = base.deliverPayloads();
        boolean notifyRetract = base.notifyRetract();
        boolean notifyDelete = base.notifyDelete();
        String title = base.title();
        for (Map.Entry<String, List<String>> field : submitted.entrySet()) {
            String var = field.getKey();
            List<String> values = field.getValue();
            String value = values.isEmpty() ? "" : values.getFirst();
            switch (var) {
                case FormField.FORM_TYPE -> {
                }
                case NodeConfig.ACCESS_MODEL -> {
                    Optional<AccessModel> model = AccessModel.fromWire(value);
                    if (model.isEmpty()) {
                        return new Outcome.Unsupported(var);
                    }
                    access = model.get();
                }
                case NodeConfig.ROSTER_GROUPS -> rosterGroups = values.stream().distinct().toList();
                case NodeConfig.MAX_ITEMS -> {
                    Integer parsed = maxItems(value, maxItemsLimit);
                    if (parsed == null) {
                        return new Outcome.Invalid(var, "a number from 1 to " + maxItemsLimit + ", or 'max'");
                    }
                    maxItems = parsed;
                }
                case NodeConfig.SEND_LAST -> {
                    if (!NodeConfig.SEND_LAST_VALUES.contains(value)) {
                        return new Outcome.Unsupported(var);
                    }
                    sendLast = value;
                }
                case NodeConfig.TITLE -> title = value.isEmpty() ? null : value;
                case NodeConfig.PERSIST_ITEMS, NodeConfig.DELIVER_NOTIFICATIONS, NodeConfig.DELIVER_PAYLOADS,
                     NodeConfig.NOTIFY_RETRACT, NodeConfig.NOTIFY_DELETE -> {
                    Boolean flag = bool(value);
                    if (flag == null) {
                        return new Outcome.Invalid(var, "a boolean");
                    }
                    switch (var) {
                        case NodeConfig.PERSIST_ITEMS -> persist = flag;
                        case NodeConfig.DELIVER_NOTIFICATIONS -> deliverNotifications = flag;
                        case NodeConfig.DELIVER_PAYLOADS -> payloads = flag;
                        case NodeConfig.NOTIFY_RETRACT -> notifyRetract = flag;
                        default -> notifyDelete = flag;
                    }
                }
                default -> {
                    if (!value.equals(FIXED.get(var))) {
                        return new Outcome.Unsupported(var);
                    }
                }
            }
        }
        return new Outcome.Applied(new NodeConfig(access, rosterGroups, persist, maxItems, sendLast,
                deliverNotifications, payloads, notifyRetract, notifyDelete, title));
    }

    private static Integer maxItems(String value, int limit) {
        if (value.equals("max")) {
            return limit;
        }
        try {
            int parsed = Integer.parseInt(value);
            return parsed >= 1 && parsed <= limit ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> null;
        };
    }
}
