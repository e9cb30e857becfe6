package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code parley.example.yaml} and the key table in {@code docs/configuration.md} equal to what
 * {@link ConfigReference} renders from {@link ConfigSchema}. After changing the schema, regenerate both with
 * {@code mvn -B -q -o -pl server -am test -Dtest=ConfigReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dparley.regenerate-docs=true} and review the diff.
 */
class ConfigReferenceTest {
    private static final Path REPO = Path.of("..");
    private static final Path EXAMPLE = REPO.resolve("parley.example.yaml");
    private static final Path DOCS = REPO.resolve("docs/configuration.md");
    private static final String BEGIN = "<!-- BEGIN GENERATED KEY TABLE: ConfigReferenceTest keeps it equal to ConfigSchema -->\n";
    private static final String END = "<!-- END GENERATED KEY TABLE -->\n";
    private static final boolean REGENERATE = Boolean.getBoolean("parley.regenerate-docs");
    private static final String HOW_TO_FIX = "out of date with ConfigSchema; regenerate with -Dparley.regenerate-docs=true "
            + "(see ConfigReferenceTest) and review the diff";

    @Test
    void exampleFileIsTheRenderedReference() throws IOException {
        if (REGENERATE) {
            Files.writeString(EXAMPLE, ConfigReference.exampleYaml());
        }
        assertThat(Files.readString(EXAMPLE)).as(EXAMPLE + " is " + HOW_TO_FIX)
                .isEqualTo(ConfigReference.exampleYaml());
    }

    @Test
    void docsTableIsTheRenderedReference() throws IOException {
        String docs = Files.readString(DOCS);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertThat(begin).as(DOCS + " must contain the marker " + BEGIN).isNotNegative();
        assertThat(end).as(DOCS + " must contain the marker " + END).isGreaterThan(begin);
        String table = docs.substring(begin + BEGIN.length(), end);
        if (REGENERATE) {
            table = ConfigReference.markdownTable();
            Files.writeString(DOCS, docs.substring(0, begin + BEGIN.length()) + table + docs.substring(end));
        }
        assertThat(table).as(DOCS + " is " + HOW_TO_FIX).isEqualTo(ConfigReference.markdownTable());
    }

    @Test
    void loadingTheExampleGivesTheDefaults() throws ConfigException {
        ParleyConfig example = ConfigLoader.parse(ConfigReference.exampleYaml(), "parley.example.yaml", Path.of(""));
        assertThat(example).isEqualTo(ParleyConfig.defaults());
    }

    @Test
    void everyKeyIsInTheExampleWithItsDefaultAndInTheTable() {
        String example = ConfigReference.exampleYaml();
        String table = ConfigReference.markdownTable();
        for (Setting<?> setting : ConfigSchema.ALL) {
            String indent = "  ".repeat((int) setting.path().chars().filter(c -> c == '.').count());
            String shown = setting.renderedDefault();
            assertThat(example).as(setting.path())
                    .contains(indent + "# Default: " + shown + "\n" + indent + setting.key() + ": " + shown + "\n");
            assertThat(table).as(setting.path()).contains("| `" + setting.path() + "` | ");
            if (setting.type() instanceof ObjectListType<?> list) {
                for (Setting<?> field : list.fields()) {
                    assertThat(example).as(field.path()).contains(field.key() + ": " + field.example() + "\n");
                    assertThat(table).as(field.path()).contains("| `" + setting.path() + "[]." + field.key() + "` | ");
                }
            }
        }
    }

    @Test
    void everySectionIsDescribed() {
        for (Setting<?> setting : ConfigSchema.ALL) {
            String path = setting.path();
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                assertThat(ConfigSchema.SECTIONS).as("section doc").containsKey(path.substring(0, dot));
            }
        }
    }
}
