package dev.parley.server.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a PEM certificate chain and its private key (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY} or
 * SEC1 {@code EC PRIVATE KEY}) with Bouncy Castle's PEMParser, and checks that the key belongs to the leaf.
 */
final class PemFiles {
    /** A certificate chain or key file is a few KiB; this only stops a wrong path from being read whole. */
    private static final long MAX_PEM_BYTES = 1024 * 1024;

    private PemFiles() {
    }

    static Credential read(Path certificateFile, Path keyFile) throws TlsSetupException {
        List<X509Certificate> chain = readChain(certificateFile);
        PrivateKey key = readKey(keyFile);
        if (!key.getAlgorithm().equals(chain.getFirst().getPublicKey().getAlgorithm())
                || !keysMatch(key, chain.getFirst().getPublicKey())) {
            throw new TlsSetupException("the private key in " + keyFile + " does not belong to the first certificate in "
                    + certificateFile);
        }
        return new Credential(chain, key, CertificateNames.of(chain.getFirst()), certificateFile.toString());
    }

    static List<X509Certificate> readChain(Path file) throws TlsSetupException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(readText(file)))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    static PrivateKey readKey(Path file) throws TlsSetupException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(readText(file)))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                PrivateKey key = switch (object) {
                    case PrivateKeyInfo info -> converter.getPrivateKey(info);
                    case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 may omit the public key
                    case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted(file);
                    case PEMEncryptedKeyPair e -> throw encrypted(file);
                    default -> null; // EC PARAMETERS blocks and the like come before the key
                };
                if (key != null) {
                    if (!key.getAlgorithm().equals("RSA") && !key.getAlgorithm().equals("EC")) {
                        throw new TlsSetupException(file + " holds a " + key.getAlgorithm() + " key; use an RSA or EC key");
                    }
                    return key;
                }
            }
        } catch (IOException e) {
            throw new TlsSetupException("cannot read the private key from " + file + ": " + e.getMessage(), e);
        }
        throw new TlsSetupException(file + " holds no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static TlsSetupException encrypted(Path file) {
        return new TlsSetupException("the private key in " + file + " is encrypted; store it decrypted and readable "
                + "only by the server's user (for example: openssl pkey -in encrypted.key -out " + file + ")");
    }

    private static String readText(Path file) throws TlsSetupException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new TlsSetupException("file not found: " + file);
            }
            if (Files.size(file) > MAX_PEM_BYTES) {
                throw new TlsSetupException(file + " is larger than " + MAX_PEM_BYTES + " bytes; not a PEM file?");
            }
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + file + ": " + e, e);
        }
    }

    /** A signature made with the private key verifies with the certificate's public key. */
    private static boolean keysMatch(PrivateKey key, PublicKey publicKey) throws TlsSetupException {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
