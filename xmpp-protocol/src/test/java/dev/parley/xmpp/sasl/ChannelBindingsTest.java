package dev.parley.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * tls-server-end-point hash choice (RFC 5929 §4.1). The expected values are the certificates' fingerprints as
 * printed by {@code openssl x509 -fingerprint -<hash>}, computed outside Java when the test certificates were made.
 */
class ChannelBindingsTest {

    @ParameterizedTest
    @CsvSource({
        "rsa-sha256.pem, 7cc85081c5a669a73b993699afbbe9398de85879f9b99591a9bfb4e102cce9d8",
        "rsa-sha1.pem, faebda185bd5ae7accf0375e4410a5c349638aa569bb5058f52ed38e1b4a9731",
        "rsa-md5.pem, 4f2b41399efc727970447b5cdeaff5b9ba7d86351f522972f1643339667df16a",
        "rsa-sha512.pem, af14416a7c1296ff58b2b51413c5c8002fd2df8c1132867e79a6cccc2709142041c104f545350243928e1877ea9ddd9"
                + "ce32035d9fff5aa354c974baf8662466f",
        "ecdsa-sha384.pem, df3f078c78a658174689f7d986676d8399ded5468d8af40bc01f0a6e0a17e79fe250a6fd3c8b56f5f95fa4d902826"
                + "5f0",
        "rsa-pss-sha512.pem, e65036b099f8a49e76770b88b71a2abdfc8a638b05ed2f02e496bceaa3e59346023992428d3097a23a3714e07de"
                + "1f2d46fd3d68a99de791c09a318351e9e36bd",
        "ed25519.pem, f81eb0899b12abae5b01287fcb0b755192ed4e305d5b63f083e14e051f938c230934a9414b01c316983cf2439352957a"
                + "bafd2f77be4188726f01eefd58624820",
    })
    void tlsServerEndPointHashesWithTheSignatureHash(String file, String expectedHex) throws Exception {
        ChannelBinding binding = ChannelBindings.tlsServerEndPoint(load(file)).orElseThrow();
        assertThat(binding.type()).isEqualTo(ChannelBinding.TLS_SERVER_END_POINT);
        assertThat(HexFormat.of().formatHex(binding.data())).isEqualTo(expectedHex);
    }

    @Test
    void ed448HasNoTlsServerEndPoint() throws Exception {
        assertThat(ChannelBindings.tlsServerEndPoint(load("ed448.pem"))).isEmpty();
    }

    @Test
    void tlsExporterWrapsExactly32Bytes() {
        assertThat(ChannelBindings.tlsExporter(new byte[32]).type()).isEqualTo(ChannelBinding.TLS_EXPORTER);
        assertThatThrownBy(() -> ChannelBindings.tlsExporter(new byte[48])).isInstanceOf(IllegalArgumentException.class);
    }

    private static X509Certificate load(String file) throws Exception {
        try (InputStream in = ChannelBindingsTest.class.getResourceAsStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
