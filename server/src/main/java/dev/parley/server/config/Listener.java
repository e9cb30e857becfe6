package dev.parley.server.config;

import java.util.Objects;

/**
 * One TCP listener.
 *
 * @param enabled whether the server opens it
 * @param address IP literal or host name to bind; {@code 0.0.0.0} or {@code ::} for every interface
 * @param port    TCP port, or 0 for any free port (tests)
 */
public record Listener(boolean enabled, String address, int port) {
    public Listener {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
