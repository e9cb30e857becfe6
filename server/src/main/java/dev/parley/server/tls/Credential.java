package dev.parley.server.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain with its private key and the names it serves.
 *
 * @param chain  leaf first
 * @param key    the leaf's private key
 * @param names  the identities the leaf presents
 * @param origin where it came from, for messages (a file name, or "generated self-signed")
 */
record Credential(List<X509Certificate> chain, PrivateKey key, CertificateNames names, String origin) {
    Credential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain from " + origin);
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(names, "names");
    }

    X509Certificate leaf() {
        return chain.getFirst();
    }
}
