package dev.parley.server.config;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The values read for a set of {@link Setting}s, each with the node it came from (for error positions); absent keys
 * give the setting's default. {@link #failed()} tells whether some key present in the source could not be read.
 */
final class ConfigValues {
    private final Map<Setting<?>, Object> values = new HashMap<>();
    private final Map<Setting<?>, Node> nodes = new HashMap<>();
    private boolean failed;

    /** Records a key found in the source; {@code value} is null when it could not be read (the problem is reported). */
    void put(Setting<?> setting, Object value, Node node) {
        nodes.put(setting, node);
        if (value == null) {
            failed = true;
        } else {
            values.put(setting, value);
        }
    }

    /** Something in the source (an unknown or repeated key, a section that is not a mapping) was not read. */
    void markUnreadable() {
        failed = true;
    }

    boolean failed() {
        return failed;
    }

    /** Whether the source has the key, readable or not. */
    boolean isWritten(Setting<?> setting) {
        return nodes.containsKey(setting);
    }

    @SuppressWarnings("unchecked") // put() is only called with a value the setting's own type produced
    <T> T get(Setting<T> setting) {
        return values.containsKey(setting) ? (T) values.get(setting) : setting.defaultValue();
    }

    /** Where the key's value was written, or null when the key is absent. */
    Node nodeOf(Setting<?> setting) {
        return nodes.get(setting);
    }
}
