package dev.parley.server.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A YAML node a {@link ValueType} does not accept; the message says what would have been accepted. */
final class BadValue extends Exception {
    private static final int SHOWN_CHARACTERS = 60;

    private final transient Node node;

    BadValue(Node node, String message) {
        super(message, null, false, false);
        this.node = node;
    }

    /** "expected an integer 0..65535, got 'abc'". */
    static BadValue expected(String expected, Node node) {
        return new BadValue(node, "expected " + expected + ", got " + describe(node));
    }

    Node node() {
        return node;
    }

    /** The text of a scalar, or a {@link BadValue} for anything else (a list, a mapping, nothing). */
    static String scalarText(Node node, String expected) throws BadValue {
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return scalar.getValue();
        }
        throw expected(expected, node);
    }

    static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when Tag.NULL.equals(s.getTag()) -> "nothing";
            case ScalarNode s -> quote(s.getValue());
            default -> "a " + node.getNodeId();
        };
    }

    static String quote(String text) {
        String shown = text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "..." : text;
        return "'" + shown + "'";
    }
}
