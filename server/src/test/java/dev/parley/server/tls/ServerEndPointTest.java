package dev.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** RFC 5929 §4.1: which hash tls-server-end-point uses, and when it is undefined. */
class ServerEndPointTest {
    private static X509Certificate signed(KeyPair keys, String signature) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=example.com");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder(signature).setProvider(new BouncyCastleProvider())
                        .build(keys.getPrivate())));
    }

    @Test
    void usesTheSignaturesHashAndReplacesSha1AndMd5WithSha256() throws Exception {
        KeyPair rsa = TestPki.rsa();
        assertThat(ServerEndPoint.hashFor(signed(rsa, "SHA512withRSA"))).contains("SHA-512");
        assertThat(ServerEndPoint.hashFor(signed(rsa, "SHA1withRSA"))).contains("SHA-256");
        assertThat(ServerEndPoint.hashFor(signed(rsa, "MD5withRSA"))).contains("SHA-256");
        assertThat(ServerEndPoint.hashFor(signed(TestPki.ec(), "SHA384withECDSA"))).contains("SHA-384");
        X509Certificate certificate = signed(rsa, "SHA384withRSA");
        byte[] expected = MessageDigest.getInstance("SHA-384").digest(certificate.getEncoded());
        assertThat(ServerEndPoint.of(certificate)).hasValueSatisfying(data -> assertThat(data).isEqualTo(expected));
    }

    @Test
    void takesRsaPssHashFromItsParameters() throws Exception {
        X509Certificate certificate = signed(TestPki.rsa(), "SHA384withRSAandMGF1");
        assertThat(certificate.getSigAlgName()).isEqualTo("RSASSA-PSS");
        assertThat(ServerEndPoint.hashFor(certificate)).contains("SHA-384");
    }

    @Test
    void isUndefinedForSignaturesWithoutASingleHash() throws Exception {
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(ServerEndPoint.of(signed(ed25519, "Ed25519"))).isEmpty();
    }
}
