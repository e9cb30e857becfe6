package dev.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private Path certs() {
        return dataDir.resolve("certs");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void generatesAnEcCertificateNamingEveryDomainWithOwnerOnlyKey() throws Exception {
        Credential credential = SelfSignedCertificate.ensure(certs(), List.of("example.com", "bücher.example"), at(NOW));
        X509Certificate leaf = credential.leaf();

        assertThat(leaf.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) leaf.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=example.com");
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(NOW.plus(SelfSignedCertificate.VALIDITY));
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        leaf.verify(leaf.getPublicKey());

        assertThat(credential.names().dnsNames()).containsExactlyInAnyOrder("example.com", "*.example.com",
                "xn--bcher-kva.example", "*.xn--bcher-kva.example");
        assertThat(credential.names().srvDomains()).containsExactlyInAnyOrder("example.com", "xn--bcher-kva.example");
        // id-on-xmppAddr (RFC 6120 §13.7.1.4): an otherName whose value is a UTF8String of the domain
        List<String> xmppAddrs = leaf.getSubjectAlternativeNames().stream()
                .filter(name -> (Integer) name.get(0) == 0)
                .map(name -> ASN1Sequence.getInstance(name.get(1)))
                .filter(otherName -> otherName.getObjectAt(0).toString().equals("1.3.6.1.5.5.7.8.5"))
                .map(otherName -> ((ASN1String) ASN1TaggedObject.getInstance(otherName.getObjectAt(1))
                        .getExplicitBaseObject()).getString())
                .toList();
        assertThat(xmppAddrs).containsExactly("example.com", "bücher.example");

        Path key = certs().resolve(SelfSignedCertificate.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs()))).isEqualTo("rwx------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PemFiles.read(certs().resolve(SelfSignedCertificate.CERTIFICATE_FILE), key).leaf()).isEqualTo(leaf);
        try (var files = Files.list(certs())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left behind")
                    .containsExactlyInAnyOrder(SelfSignedCertificate.CERTIFICATE_FILE, SelfSignedCertificate.KEY_FILE);
        }
    }

    @Test
    void reusesTheCertificateWhileDomainsAndValidityFit() throws Exception {
        X509Certificate first = SelfSignedCertificate.ensure(certs(), List.of("example.com"), at(NOW)).leaf();
        Path key = certs().resolve(SelfSignedCertificate.KEY_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        X509Certificate again = SelfSignedCertificate.ensure(certs(), List.of("example.com"),
                at(NOW.plus(Duration.ofDays(300)))).leaf();

        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).as("tightened on reuse")
                .isEqualTo("rw-------");
    }

    @Test
    void regeneratesWhenTheDomainsChange() throws Exception {
        X509Certificate first = SelfSignedCertificate.ensure(certs(), List.of("example.com"), at(NOW)).leaf();
        Credential second = SelfSignedCertificate.ensure(certs(), List.of("example.com", "example.org"), at(NOW));
        assertThat(second.leaf()).isNotEqualTo(first);
        assertThat(second.names().covers("example.org")).isTrue();
        Credential third = SelfSignedCertificate.ensure(certs(), List.of("example.org"), at(NOW));
        assertThat(third.leaf()).isNotEqualTo(second.leaf());
        assertThat(third.names().covers("example.com")).isFalse();
    }

    @Test
    void regeneratesNearExpiryAndWhenTheFilesAreDamaged() throws Exception {
        X509Certificate first = SelfSignedCertificate.ensure(certs(), List.of("example.com"), at(NOW)).leaf();
        Instant nearExpiry = NOW.plus(SelfSignedCertificate.VALIDITY).minus(Duration.ofDays(29));
        X509Certificate renewed = SelfSignedCertificate.ensure(certs(), List.of("example.com"), at(nearExpiry)).leaf();
        assertThat(renewed).isNotEqualTo(first);
        assertThat(renewed.getNotAfter().toInstant()).isEqualTo(nearExpiry.plus(SelfSignedCertificate.VALIDITY));

        Files.writeString(certs().resolve(SelfSignedCertificate.KEY_FILE), "garbage");
        X509Certificate replaced = SelfSignedCertificate.ensure(certs(), List.of("example.com"), at(nearExpiry)).leaf();
        assertThat(replaced).isNotEqualTo(renewed);
    }

    @Test
    void explainsWhyACertificateCannotBeReused() throws Exception {
        X509Certificate leaf = SelfSignedCertificate.generate(List.of("example.com"), NOW).leaf();
        assertThat(SelfSignedCertificate.whyNotReusable(leaf, List.of("example.com"), NOW)).isNull();
        assertThat(SelfSignedCertificate.whyNotReusable(leaf, List.of("example.net"), NOW)).contains("example.net");
        assertThat(SelfSignedCertificate.whyNotReusable(leaf, List.of("example.com"), NOW.minus(Duration.ofDays(1))))
                .contains("not valid before");
    }
}
