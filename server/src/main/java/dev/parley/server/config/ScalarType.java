package dev.parley.server.config;

import org.yaml.snakeyaml.nodes.Node;

/** A value type read from a single node, where one thing at most can be wrong. */
interface ScalarType<T> extends ValueType<T> {

    /** The value of the node, or a {@link BadValue} saying what would have been accepted. */
    T parse(Node node) throws BadValue;

    @Override
    default T read(Node node, String path, Problems problems) {
        try {
            return parse(node);
        } catch (BadValue e) {
            problems.add(e.node(), path, e.getMessage());
            return null;
        }
    }
}
