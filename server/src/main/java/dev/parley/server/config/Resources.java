package dev.parley.server.config;

import java.util.Objects;

/**
 * Resource binding settings (RFC 6120 §7).
 *
 * @param conflict what to do when a client binds a resource that is already in use (§7.7.2.2)
 */
public record Resources(ConflictPolicy conflict) {
    public Resources {
        Objects.requireNonNull(conflict, "conflict");
    }
}
