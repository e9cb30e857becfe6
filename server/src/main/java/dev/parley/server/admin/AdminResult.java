package dev.parley.server.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command reports on success: a sentence for people and, for programs, the values of the command's
 * {@link AdminCommand#results() result fields}, in field order. A single-valued field has one value; a multi-valued
 * field may have any number, none included.
 */
public record AdminResult(String message, Map<String, List<String>> values) {
    public AdminResult {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((var, list) -> copy.put(var, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static AdminResult of(String message) {
        return new AdminResult(message, Map.of());
    }

    /** A result with one single-valued field. */
    public static AdminResult of(String message, String var, String value) {
        return new AdminResult(message, Map.of(var, List.of(value)));
    }
}
