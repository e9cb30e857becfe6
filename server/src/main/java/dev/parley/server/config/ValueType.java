package dev.parley.server.config;

import org.yaml.snakeyaml.nodes.Node;

/** How one kind of configuration value is read from a YAML node, described to people, and written back as YAML. */
interface ValueType<T> {

    /**
     * Reads a value. What is wrong with the node goes to {@code problems} under {@code path}, and the result is then
     * null.
     */
    T read(Node node, String path, Problems problems);

    /** What is accepted, for error messages: "an integer 0..65535". */
    String expected();

    /** What is accepted, for the reference table: "integer 0..65535". */
    String typeName();

    /** The value as YAML flow text that reads back to an equal value. */
    String render(T value);
}
