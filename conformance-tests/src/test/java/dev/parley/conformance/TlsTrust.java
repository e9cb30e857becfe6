package dev.parley.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates a test client accepts when it negotiates TLS (RFC 6120 §5.4.3.2, §13.7.2).
 *
 * <p>Either anchored at given certificates (a test CA, or the server's own self-signed certificate), verified with PKIX
 * and with the XMPP service domain checked against the certificate (RFC 6125), or, only for servers whose test
 * certificate is unknown to the harness, trust-all: TLS is still negotiated but the peer is not authenticated.
 */
public record TlsTrust(List<X509Certificate> anchors) {

    public TlsTrust {
        anchors = List.copyOf(anchors);
    }

    /** Accepts any certificate for any name: encryption without authentication, for tests only. */
    public static TlsTrust trustAll() {
        return new TlsTrust(List.of());
    }

    /** Trusts the certificates in a PEM file (one or more {@code BEGIN CERTIFICATE} blocks). */
    public static TlsTrust fromPemFile(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + pem);
            }
            return new TlsTrust(certificates);
        }
    }

    public boolean isTrustAll() {
        return anchors.isEmpty();
    }

    /** The trust manager a client uses; PKIX over {@link #anchors()} unless trust-all. */
    public X509TrustManager trustManager() {
        if (isTrustAll()) {
            return new AcceptingTrustManager();
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust manager from the test anchors", e);
        }
    }

    /**
     * The hostname verifier to install, or {@code null} to keep the client's own RFC 6125 check of the service domain
     * (Smack's default). Trust-all also skips the name check, since nothing about the peer is verified.
     */
    public HostnameVerifier hostnameVerifierOrNull() {
        return isTrustAll() ? (hostname, session) -> true : null;
    }

    /** The anchors as PEM text, for non-Java clients (slixmpp's {@code ca_certs}). */
    public String anchorsAsPem() {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : anchors) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot encode a test anchor", e);
            }
        }
        return pem.toString();
    }

    /** Extended so that JSSE uses it as is instead of wrapping it with its own endpoint checks. */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
