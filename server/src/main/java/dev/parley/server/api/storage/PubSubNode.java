package dev.parley.server.api.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pubsub node as stored: its name and its configuration as XEP-0060 §8.2 form values ({@code pubsub#max_items}
 * → {@code ["10"]}), whose meaning belongs to the service that uses the store. The store itself reads none of them:
 * how many items a node keeps is passed to each write that may exceed it.
 *
 * @param name    the node id; see {@link PubSubStore#requireName}
 * @param options configuration fields by var, in a stable order
 */
public record PubSubNode(String name, Map<String, List<String>> options) {
    public PubSubNode {
        PubSubStore.requireName(name);
        Objects.requireNonNull(options, "options");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        options.forEach((var, values) -> copy.put(Objects.requireNonNull(var, "var"), List.copyOf(values)));
        options = java.util.Collections.unmodifiableMap(copy);
    }
}
