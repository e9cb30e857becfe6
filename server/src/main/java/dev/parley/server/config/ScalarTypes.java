package dev.parley.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** The plain value types of the configuration schema: numbers, booleans, durations, fixed choices, paths. */
final class ScalarTypes {
    private ScalarTypes() {
    }

    /** An integer within an inclusive range; {@code note} (may be empty) explains a special value. */
    record IntRange(int min, int max, String note) implements ScalarType<Integer> {
        @Override
        public Integer parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected()).trim();
            try {
                int value = Integer.parseInt(text.replace("_", ""));
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below, which says what is accepted
            }
            throw BadValue.expected(expected(), node);
        }

        @Override
        public String expected() {
            return "an " + typeName();
        }

        @Override
        public String typeName() {
            return "integer " + min + ".." + max + (note.isEmpty() ? "" : " (" + note + ")");
        }

        @Override
        public String render(Integer value) {
            return YamlText.literal(value);
        }
    }

    /** {@code true} or {@code false}; YAML 1.1's yes/no/on/off are refused because they surprise people. */
    record Bool() implements ScalarType<Boolean> {
        @Override
        public Boolean parse(Node node) throws BadValue {
            return switch (BadValue.scalarText(node, expected())) {
                case "true" -> true;
                case "false" -> false;
                default -> throw BadValue.expected(expected(), node);
            };
        }

        @Override
        public String expected() {
            return "true or false";
        }

        @Override
        public String typeName() {
            return "boolean";
        }

        @Override
        public String render(Boolean value) {
            return YamlText.literal(value);
        }
    }

    /** A duration written as a whole number and a unit: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}. */
    record DurationRange(Duration min, Duration max) implements ScalarType<Duration> {
        private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

        @Override
        public Duration parse(Node node) throws BadValue {
            Matcher matcher = FORMAT.matcher(BadValue.scalarText(node, expected()).trim());
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                Duration value = switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
                if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                    return value;
                }
            }
            throw BadValue.expected(expected(), node);
        }

        @Override
        public String expected() {
            return "a " + typeName();
        }

        @Override
        public String typeName() {
            return "duration " + render(min) + ".." + render(max) + " (number + ms, s, m or h)";
        }

        @Override
        public String render(Duration value) {
            // Seconds up to ten minutes read most naturally ("60s", "300s"); larger whole values use larger units.
            long millis = value.toMillis();
            if (millis % 3_600_000 == 0) {
                return millis / 3_600_000 + "h";
            } else if (millis % 60_000 == 0 && millis >= 600_000) {
                return millis / 60_000 + "m";
            } else if (millis % 1000 == 0) {
                return millis / 1000 + "s";
            }
            return millis + "ms";
        }
    }

    /** One of an enum's constants, written in lower-case kebab form ({@code REPLACE_OLD} is {@code replace-old}). */
    record Kebab<E extends Enum<E>>(Class<E> type) implements ScalarType<E> {
        @Override
        public E parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected()).trim();
            for (E constant : type.getEnumConstants()) {
                if (render(constant).equals(text)) {
                    return constant;
                }
            }
            throw BadValue.expected(expected(), node);
        }

        @Override
        public String expected() {
            return "one of " + typeName();
        }

        @Override
        public String typeName() {
            return String.join(" | ", Arrays.stream(type.getEnumConstants()).map(this::render).toList());
        }

        @Override
        public String render(E value) {
            return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One of a fixed set of names, matched without regard to case and returned in its canonical spelling. */
    record Choice(List<String> names) implements ScalarType<String> {
        Choice {
            names = List.copyOf(names);
        }

        @Override
        public String parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected()).trim();
            return names.stream().filter(text::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> BadValue.expected(expected(), node));
        }

        @Override
        public String expected() {
            return "one of " + typeName();
        }

        @Override
        public String typeName() {
            return String.join(" | ", names);
        }

        @Override
        public String render(String value) {
            return YamlText.scalar(value);
        }
    }

    /** A file system path as written; relative ones are resolved against the configuration file's directory later. */
    record PathValue() implements ScalarType<Path> {
        @Override
        public Path parse(Node node) throws BadValue {
            String text = BadValue.scalarText(node, expected());
            if (text.isBlank()) {
                throw BadValue.expected(expected(), node);
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new BadValue(node, "expected " + expected() + ", got " + BadValue.quote(text) + ": " + e.getReason());
            }
        }

        @Override
        public String expected() {
            return "a path";
        }

        @Override
        public String typeName() {
            return "path";
        }

        @Override
        public String render(Path value) {
            return YamlText.scalar(value.toString());
        }
    }
}
