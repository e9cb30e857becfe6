package dev.parley.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One certificate and its key, both PEM files. Relative paths in the configuration file are resolved against the
 * file's directory before they get here.
 *
 * @param certificate the certificate chain, leaf first
 * @param privateKey  the leaf's private key (PKCS#8, PKCS#1 RSA or SEC1 EC, not encrypted)
 */
public record CertificateFiles(Path certificate, Path privateKey) {
    public CertificateFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
