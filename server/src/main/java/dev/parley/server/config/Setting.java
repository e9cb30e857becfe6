package dev.parley.server.config;

import java.util.Objects;

/**
 * One configuration key as the schema declares it: where it sits, what it accepts, its default and what it means. The
 * validation, the defaults, {@code parley.example.yaml} and {@code docs/configuration.md} all come from these.
 *
 * @param path         dot-separated kebab-case key path, e.g. {@code listeners.c2s.port}
 * @param type         what the key accepts
 * @param defaultValue the value when the key is absent; {@code null} means the key is required
 * @param doc          what the key means, one or more sentences
 * @param example      for required keys, a value to show in the example file; otherwise {@code null}
 */
record Setting<T>(String path, ValueType<T> type, T defaultValue, String doc, String example) {

    Setting {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (doc == null || doc.isBlank()) {
            throw new IllegalArgumentException("setting " + path + " needs a doc string");
        }
        if ((defaultValue == null) == (example == null)) {
            throw new IllegalArgumentException("setting " + path + " needs either a default or, when required, an example");
        }
    }

    static <T> Setting<T> of(String path, ValueType<T> type, T defaultValue, String doc) {
        return new Setting<>(path, type, Objects.requireNonNull(defaultValue, "defaultValue"), doc, null);
    }

    static <T> Setting<T> required(String path, ValueType<T> type, String doc, String example) {
        return new Setting<>(path, type, null, doc, example);
    }

    boolean isRequired() {
        return defaultValue == null;
    }

    /** The last segment of the path: the key as written in YAML. */
    String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The default as YAML text, or the example for a required key. */
    String renderedDefault() {
        return isRequired() ? example : type.render(defaultValue);
    }
}
