package dev.parley.server.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML list of values of one type, without repeats. A key with nothing after it reads as the empty list, so that
 * commenting out every entry leaves valid YAML.
 */
record ListType<T>(ValueType<T> element, boolean nonEmpty) implements ValueType<List<T>> {

    @Override
    public List<T> read(Node node, String path, Problems problems) {
        if (node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
            return emptyOrProblem(node, path, problems);
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(node, path, "expected " + expected() + ", got " + BadValue.describe(node));
            return null;
        }
        if (sequence.getValue().isEmpty()) {
            return emptyOrProblem(node, path, problems);
        }
        List<T> values = new ArrayList<>();
        Map<T, Node> firstSeen = new HashMap<>();
        boolean failed = false;
        for (Node item : sequence.getValue()) {
            T value = element.read(item, path, problems);
            if (value == null) {
                failed = true;
            } else if (firstSeen.containsKey(value)) {
                problems.add(item, path, BadValue.quote(element.render(value)) + " is listed twice (first on line "
                        + (firstSeen.get(value).getStartMark().getLine() + 1) + ")");
                failed = true;
            } else {
                firstSeen.put(value, item);
                values.add(value);
            }
        }
        return failed ? null : List.copyOf(values);
    }

    private List<T> emptyOrProblem(Node node, String path, Problems problems) {
        if (nonEmpty) {
            problems.add(node, path, "expected " + expected() + ", got an empty list");
            return null;
        }
        return List.of();
    }

    @Override
    public String expected() {
        return "a " + typeName();
    }

    @Override
    public String typeName() {
        return (nonEmpty ? "non-empty list" : "list") + ", each " + element.expected();
    }

    @Override
    public String render(List<T> value) {
        return value.stream().map(element::render).collect(Collectors.joining(", ", "[", "]"));
    }
}
