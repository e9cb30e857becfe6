package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTrustTest {

    private static Path resource(String name) throws Exception {
        return Path.of(TlsTrustTest.class.getResource("/tls/" + name).toURI());
    }

    private static X509Certificate certificate(String name) throws Exception {
        return TlsTrust.fromPemFile(resource(name)).anchors().getFirst();
    }

    @Test
    void anchoredTrustAcceptsItsAnchorAndRejectsOthers() throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(resource("anchor.pem"));
        X509TrustManager manager = trust.trustManager();

        manager.checkServerTrusted(new X509Certificate[] {certificate("anchor.pem")}, "ECDHE_ECDSA");
        assertThatThrownBy(() -> manager.checkServerTrusted(new X509Certificate[] {certificate("stranger.pem")},
                "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
        assertThat(trust.hostnameVerifierOrNull()).as("keeps the client's own name check").isNull();
    }

    @Test
    void trustAllAcceptsAnythingAndSkipsTheNameCheck() throws Exception {
        TlsTrust trust = TlsTrust.trustAll();

        trust.trustManager().checkServerTrusted(new X509Certificate[] {certificate("stranger.pem")}, "ECDHE_ECDSA");
        assertThat(trust.hostnameVerifierOrNull().verify("any.test", null)).isTrue();
        assertThat(trust.anchorsAsPem()).isEmpty();
    }

    @Test
    void anchorsRoundTripThroughPem(@TempDir Path directory) throws Exception {
        TlsTrust trust = TlsTrust.fromPemFile(resource("anchor.pem"));
        Path copy = directory.resolve("copy.pem");
        Files.writeString(copy, trust.anchorsAsPem());

        assertThat(TlsTrust.fromPemFile(copy).anchors()).isEqualTo(trust.anchors());
    }

    @Test
    void aFileWithoutCertificatesIsRejected(@TempDir Path directory) throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.pem"), "nothing here\n");

        assertThatThrownBy(() -> TlsTrust.fromPemFile(empty)).isInstanceOf(Exception.class);
    }
}
