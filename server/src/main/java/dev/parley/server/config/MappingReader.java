package dev.parley.server.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML mapping against a list of {@link Setting}s. The nesting of sections is implied by the settings' dotted
 * paths, so the schema stays a flat list. Unknown and repeated keys are problems; an unknown key's message lists the
 * keys allowed at that place and suggests the closest one.
 */
final class MappingReader {
    private final Map<String, Setting<?>> byPath = new HashMap<>();
    private final List<Setting<?>> settings;
    private final String displayPrefix;
    private final Problems problems;
    private final ConfigValues values = new ConfigValues();

    private MappingReader(List<Setting<?>> settings, String displayPrefix, Problems problems) {
        this.settings = settings;
        this.displayPrefix = displayPrefix;
        this.problems = problems;
        settings.forEach(setting -> byPath.put(setting.path(), setting));
    }

    /**
     * @param root          the mapping to read; null (an empty document) gives all defaults
     * @param displayPrefix put before every path in messages, e.g. {@code tls.certificates[0].}
     */
    static ConfigValues read(Node root, List<Setting<?>> settings, String displayPrefix, Problems problems) {
        MappingReader reader = new MappingReader(settings, displayPrefix, problems);
        if (root != null) {
            reader.readSection(root, "");
        }
        return reader.values;
    }

    private void readSection(Node node, String prefix) {
        Set<String> allowed = keysUnder(prefix);
        if (node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
            return; // "limits:" with every key commented out: all defaults
        }
        if (!(node instanceof MappingNode mapping)) {
            String where = prefix.isEmpty() ? null : displayPrefix + prefix.substring(0, prefix.length() - 1);
            problems.add(node, where, "expected a mapping with keys " + String.join(", ", allowed) + ", got "
                    + BadValue.describe(node));
            values.markUnreadable();
            return;
        }
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(tuple.getKeyNode(), displayPrefix + prefix, "keys must be names, got "
                        + BadValue.describe(tuple.getKeyNode()));
                values.markUnreadable();
                continue;
            }
            String key = keyNode.getValue();
            String path = prefix + key;
            Node first = seen.putIfAbsent(key, keyNode);
            if (first != null) {
                problems.add(keyNode, displayPrefix + path, "key appears twice (first on line "
                        + (first.getStartMark().getLine() + 1) + ")");
                values.markUnreadable();
            } else if (!allowed.contains(key)) {
                reportUnknown(keyNode, path, key, allowed);
                values.markUnreadable();
            } else if (byPath.containsKey(path)) {
                Setting<?> setting = byPath.get(path);
                values.put(setting, setting.type().read(tuple.getValueNode(), displayPrefix + path, problems),
                        tuple.getValueNode());
            } else {
                readSection(tuple.getValueNode(), path + ".");
            }
        }
    }

    private void reportUnknown(Node keyNode, String path, String key, Set<String> allowed) {
        Optional<String> suggestion = KeySuggestions.closest(key, allowed);
        problems.add(keyNode, displayPrefix + path, "unknown key; allowed here: " + String.join(", ", allowed)
                + suggestion.map(s -> "; did you mean '" + s + "'?").orElse(""));
    }

    /** The next path segments below {@code prefix}, in schema order. */
    private Set<String> keysUnder(String prefix) {
        Set<String> keys = new LinkedHashSet<>();
        for (Setting<?> setting : settings) {
            if (setting.path().startsWith(prefix)) {
                String rest = setting.path().substring(prefix.length());
                int dot = rest.indexOf('.');
                keys.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return keys;
    }
}
