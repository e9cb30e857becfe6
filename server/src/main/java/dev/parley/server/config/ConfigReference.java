package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the configuration reference from {@link ConfigSchema}: the example file {@code parley.example.yaml}, with
 * every key at its default and commented, and the key table of {@code docs/configuration.md}. A test keeps both files
 * equal to what this renders, so the schema cannot gain a key that the documentation lacks.
 */
public final class ConfigReference {
    private static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private ConfigReference() {
    }

    /** The complete example configuration file. */
    public static String exampleYaml() {
        StringBuilder out = new StringBuilder();
        comment(out, "# ", "Parley configuration. Every key is shown here at its default, so a real configuration "
                + "needs only the keys it changes; the server also starts with no file at all. The reference is "
                + "docs/configuration.md. Both files are generated from the schema in ConfigSchema.java.");
        List<String> open = new ArrayList<>();
        for (Setting<?> setting : ConfigSchema.ALL) {
            List<String> sections = sectionsOf(setting.path());
            int common = 0;
            while (common < open.size() && common < sections.size() && open.get(common).equals(sections.get(common))) {
                common++;
            }
            open = new ArrayList<>(open.subList(0, common));
            for (int depth = common; depth < sections.size(); depth++) {
                String path = String.join(".", sections.subList(0, depth + 1));
                String indent = INDENT.repeat(depth);
                if (depth == common) {
                    out.append('\n'); // a nested section follows its parent's header line directly
                }
                comment(out, indent + "# ", ConfigSchema.SECTIONS.get(path));
                out.append(indent).append(sections.get(depth)).append(":\n");
                open.add(sections.get(depth));
            }
            boolean openedSection = common < sections.size();
            if (!openedSection) {
                out.append('\n');
            }
            appendSetting(out, INDENT.repeat(sections.size()), setting);
        }
        return out.toString();
    }

    private static void appendSetting(StringBuilder out, String indent, Setting<?> setting) {
        comment(out, indent + "# ", setting.doc());
        if (setting.type() instanceof ObjectListType<?> list) {
            out.append(indent).append("# Each entry has these keys:\n");
            for (Setting<?> field : list.fields()) {
                comment(out, indent + "#   ", indent + "#     ", field.key() + " (required): " + field.doc());
            }
            out.append(indent).append("# For example:\n");
            out.append(indent).append("# ").append(setting.key()).append(":\n");
            String dash = "#   - ";
            for (Setting<?> field : list.fields()) {
                out.append(indent).append(dash).append(field.key()).append(": ").append(field.example()).append('\n');
                dash = "#     ";
            }
        }
        out.append(indent).append("# Default: ").append(setting.renderedDefault()).append('\n');
        out.append(indent).append(setting.key()).append(": ").append(setting.renderedDefault()).append('\n');
    }

    /** The Markdown table of every key, item fields of lists included. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| Key | Type | Default | Meaning |\n|---|---|---|---|\n");
        for (Setting<?> setting : ConfigSchema.ALL) {
            row(out, setting.path(), setting, "`" + setting.renderedDefault() + "`");
            if (setting.type() instanceof ObjectListType<?> list) {
                for (Setting<?> field : list.fields()) {
                    row(out, setting.path() + "[]." + field.key(), field, "required");
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String path, Setting<?> setting, String defaultCell) {
        out.append("| `").append(path).append("` | ").append(cell(setting.type().typeName())).append(" | ")
                .append(defaultCell).append(" | ").append(cell(setting.doc())).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<String> sectionsOf(String path) {
        List<String> segments = List.of(path.split("\\."));
        return segments.subList(0, segments.size() - 1);
    }

    private static void comment(StringBuilder out, String prefix, String text) {
        comment(out, prefix, prefix, text);
    }

    /** Appends {@code text} wrapped to {@link #WIDTH} columns, each line starting with its prefix. */
    private static void comment(StringBuilder out, String firstPrefix, String nextPrefix, String text) {
        String prefix = firstPrefix;
        StringBuilder line = new StringBuilder(prefix);
        for (String word : text.split(" ")) {
            if (line.length() > prefix.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                prefix = nextPrefix;
                line = new StringBuilder(prefix);
            }
            if (line.length() > prefix.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }
}
