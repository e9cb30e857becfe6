package dev.parley.server.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Writes strings as YAML flow scalars: plain when that reads back as the same string, double-quoted otherwise. */
final class YamlText {
    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z0-9._/@][A-Za-z0-9._/@+-]*");
    private static final Resolver RESOLVER = new Resolver();

    private YamlText() {
    }

    static String scalar(String text) {
        if (SAFE_PLAIN.matcher(text).matches() && Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, text, true))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** Numbers and booleans need no quoting. */
    static String literal(Object value) {
        return String.valueOf(value);
    }
}
