package dev.parley.server.config;

import java.util.Objects;

/**
 * The server's network listeners.
 *
 * @param c2s          client connections that negotiate TLS with STARTTLS (RFC 6120 §5)
 * @param c2sDirectTls client connections that start with a TLS handshake (XEP-0368)
 * @param admin        the administration API, on loopback by default
 */
public record Listeners(Listener c2s, Listener c2sDirectTls, Listener admin) {
    public Listeners {
        Objects.requireNonNull(c2s, "c2s");
        Objects.requireNonNull(c2sDirectTls, "c2sDirectTls");
        Objects.requireNonNull(admin, "admin");
    }
}
