package dev.parley.server.admin;

import java.util.Map;

/** What a command reports on success: a sentence for people and named values for programs (in field order). */
public record AdminResult(String message, Map<String, String> values) {
    public AdminResult {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public static AdminResult of(String message) {
        return new AdminResult(message, Map.of());
    }
}
