package dev.parley.server.config;

import java.util.List;

/**
 * SASL settings (RFC 6120 §6).
 *
 * @param mechanisms               mechanisms offered, in order of preference
 * @param scramIterations          PBKDF2 iteration count for newly stored SCRAM credentials (RFC 5802 §5.1)
 * @param maxFailuresPerConnection failed attempts before the connection is closed (RFC 6120 §6.4.5)
 */
public record Auth(List<String> mechanisms, int scramIterations, int maxFailuresPerConnection) {
    public Auth {
        mechanisms = List.copyOf(mechanisms);
    }
}
