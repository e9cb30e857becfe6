package dev.parley.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate used when none is configured: self-signed, EC P-256 with ECDSA-SHA256, valid for {@link #VALIDITY},
 * naming every hosted domain as a DNS-ID and a wildcard DNS-ID, an XmppAddr (RFC 6120 §13.7.1.4) and the
 * {@code _xmpp-client}/{@code _xmpp-server} SRV-IDs (RFC 6120 §13.7.1.2, RFC 4985). It is kept in
 * {@code <data-dir>/certs/} (the key readable by the owner only) and reused until the domains change or fewer than
 * {@link #RENEW_BEFORE} of its validity remain.
 */
final class SelfSignedCertificate {
    static final Duration VALIDITY = Duration.ofDays(365);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    static final String CERTIFICATE_FILE = "self-signed.crt";
    static final String KEY_FILE = "self-signed.key";
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);

    private SelfSignedCertificate() {
    }

    /** The certificate in {@code directory} when it still fits {@code domains}, else a new one written there. */
    static Credential ensure(Path directory, List<String> domains, Clock clock) throws TlsSetupException {
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            String unusable;
            try {
                Credential existing = PemFiles.read(certificateFile, keyFile);
                unusable = whyNotReusable(existing.leaf(), domains, clock.instant());
                if (unusable == null) {
                    restrictToOwner(keyFile);
                    log.info("Using the self-signed certificate in {} for {}", certificateFile, domains);
                    return existing;
                }
            } catch (TlsSetupException e) {
                unusable = e.getMessage();
            }
            log.info("Replacing the self-signed certificate in {}: {}", certificateFile, unusable);
        }
        Credential generated = generate(domains, clock.instant());
        write(directory, generated);
        log.warn("Generated a self-signed certificate for {} in {}; clients will not trust it unless told to. "
                + "Configure tls.certificates for production.", domains, certificateFile);
        return new Credential(generated.chain(), generated.key(), generated.names(), certificateFile.toString());
    }

    /** Null when the certificate can be reused, else why not. */
    static String whyNotReusable(X509Certificate certificate, List<String> domains, Instant now)
            throws TlsSetupException {
        Set<String> expected = new HashSet<>();
        for (String domain : domains) {
            String ascii = IDN.toASCII(domain).toLowerCase(Locale.ROOT);
            expected.add(ascii);
            expected.add("*." + ascii);
        }
        Set<String> present = CertificateNames.of(certificate).dnsNames();
        if (!present.equals(expected)) {
            return "it names " + present + " but the domains are " + domains;
        }
        if (certificate.getNotBefore().toInstant().isAfter(now)) {
            return "it is not valid before " + certificate.getNotBefore().toInstant();
        }
        if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
            return "it expires " + certificate.getNotAfter().toInstant();
        }
        return null;
    }

    static Credential generate(List<String> domains, Instant now) throws TlsSetupException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, IDN.toASCII(domains.getFirst()).toLowerCase(Locale.ROOT)).build();
            // RFC 5280 §4.1.2.2: a positive serial of at most 20 octets; 128 random bits make it unique.
            BigInteger serial = new BigInteger(128, new SecureRandom()).setBit(127);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(domains));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Credential(List.of(certificate), keys.getPrivate(), CertificateNames.of(certificate),
                    "generated self-signed");
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new TlsSetupException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames subjectAltNames(List<String> domains) {
        List<GeneralName> names = new ArrayList<>();
        for (String domain : domains) {
            String ascii = IDN.toASCII(domain).toLowerCase(Locale.ROOT);
            names.add(new GeneralName(GeneralName.dNSName, ascii));
            names.add(new GeneralName(GeneralName.dNSName, "*." + ascii));
            names.add(otherName(new OtherName(CertificateNames.ID_ON_XMPP_ADDR, new DERUTF8String(domain))));
            names.add(otherName(new OtherName(CertificateNames.ID_ON_DNS_SRV, new DERIA5String("_xmpp-client." + ascii))));
            names.add(otherName(new OtherName(CertificateNames.ID_ON_DNS_SRV, new DERIA5String("_xmpp-server." + ascii))));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static GeneralName otherName(ASN1Encodable otherName) {
        return new GeneralName(GeneralName.otherName, otherName);
    }

    private static void write(Path directory, Credential credential) throws TlsSetupException {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, posix ? permissions("rwx------") : new FileAttribute<?>[0]);
            }
            writeAtomically(directory, KEY_FILE, pem(new JcaPKCS8Generator(credential.key(), null).generate()),
                    posix ? permissions("rw-------") : new FileAttribute<?>[0]);
            writeAtomically(directory, CERTIFICATE_FILE, pem(credential.leaf()),
                    posix ? permissions("rw-r--r--") : new FileAttribute<?>[0]);
        } catch (IOException e) {
            throw new TlsSetupException("cannot write the self-signed certificate to " + directory + ": " + e, e);
        }
    }

    /** Written beside the target and moved over it, so a crash never leaves half a key; created with its final mode. */
    private static void writeAtomically(Path directory, String name, String content, FileAttribute<?>[] mode)
            throws IOException {
        Path temporary = Files.createTempFile(directory, name, ".tmp", mode);
        try {
            Files.writeString(temporary, content);
            try {
                Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path keyFile) throws TlsSetupException {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                if (!ownerOnly.containsAll(mode)) {
                    log.warn("{} was readable by others; restricting it to its owner", keyFile);
                    Files.setPosixFilePermissions(keyFile, ownerOnly);
                }
            }
        } catch (IOException e) {
            throw new TlsSetupException("cannot restrict the permissions of " + keyFile + ": " + e, e);
        }
    }

    private static FileAttribute<?>[] permissions(String mode) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
