package dev.parley.load.client;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What every session of a run shares: where the server is, the domain put in stream headers (clients connect by IP,
 * so no DNS or /etc/hosts entry is needed), the accounts' password, the SASL mechanisms in order of preference.
 */
public record ClientContext(Transport transport, InetSocketAddress server, String domain, String password,
                            List<String> mechanisms, SaltedPasswords saltedPasswords) {
    public ClientContext {
        mechanisms = List.copyOf(mechanisms);
        if (!password.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // SASLprep (RFC 4013) leaves printable ASCII unchanged, so the client needs no preparation step.
            throw new IllegalArgumentException("the password must be printable ASCII without spaces");
        }
    }
}
