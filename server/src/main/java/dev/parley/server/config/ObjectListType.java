package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML list of mappings, each read against its own small schema ({@code fields}, paths relative to one item) and
 * turned into an object. Such lists always default to empty, so rendering a default is always {@code []}.
 */
record ObjectListType<T>(String itemName, List<Setting<?>> fields, Function<ConfigValues, T> build)
        implements ValueType<List<T>> {

    ObjectListType {
        fields = List.copyOf(fields);
    }

    @Override
    public List<T> read(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(node, path, "expected " + expected() + ", got " + BadValue.describe(node));
            return null;
        }
        List<T> items = new ArrayList<>();
        boolean failed = false;
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node item = nodes.get(i);
            if (!(item instanceof MappingNode)) {
                problems.add(item, itemPath, "expected a mapping with keys " + fieldKeys() + ", got "
                        + BadValue.describe(item));
                failed = true;
                continue;
            }
            ConfigValues values = MappingReader.read(item, fields, itemPath + ".", problems);
            boolean complete = true;
            for (Setting<?> field : fields) {
                if (field.isRequired() && !values.isWritten(field)) {
                    problems.add(item, itemPath, "missing key '" + field.key() + "'");
                    complete = false;
                }
            }
            if (complete && !values.failed()) {
                items.add(build.apply(values));
            } else {
                failed = true;
            }
        }
        return failed ? null : List.copyOf(items);
    }

    private String fieldKeys() {
        return String.join(", ", fields.stream().map(Setting::key).toList());
    }

    @Override
    public String expected() {
        return "a " + typeName();
    }

    @Override
    public String typeName() {
        return "list of " + itemName + " mappings";
    }

    @Override
    public String render(List<T> value) {
        if (!value.isEmpty()) {
            throw new IllegalArgumentException("lists of " + itemName + " mappings have no flow rendering");
        }
        return "[]";
    }
}
