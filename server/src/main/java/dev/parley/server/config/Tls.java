package dev.parley.server.config;

import java.util.List;
import java.util.Objects;

/**
 * TLS settings (RFC 6120 §5, §13.7; XEP-0368).
 *
 * @param certificates PEM certificate chains with their keys; empty means a generated self-signed certificate
 * @param protocols    TLS versions offered, a non-empty subset of {@code TLSv1.3} and {@code TLSv1.2}
 * @param provider     which TLS engine to use
 * @param starttls     whether STARTTLS is mandatory on the c2s listener
 */
public record Tls(List<CertificateFiles> certificates, List<String> protocols, TlsProvider provider,
                  StartTlsPolicy starttls) {
    public Tls {
        certificates = List.copyOf(certificates);
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(starttls, "starttls");
    }
}
