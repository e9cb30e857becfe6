package dev.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsAChainWithASec1EcKey() throws Exception {
        KeyPair caKeys = TestPki.ec();
        KeyPair leafKeys = TestPki.ec();
        X509Certificate ca = TestPki.certificate("Test CA", caKeys, "Test CA", caKeys, "SHA256withECDSA", true, List.of());
        X509Certificate leaf = TestPki.certificate("example.com", leafKeys, "Test CA", caKeys, "SHA256withECDSA", false,
                List.of(TestPki.dns("example.com")));
        Path chainFile = TestPki.write(dir, "chain.pem", TestPki.pem(leaf, ca));
        // "openssl ecparam -genkey" writes an EC PARAMETERS block before the key
        Path keyFile = TestPki.write(dir, "key.pem", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n"
                + "-----END EC PARAMETERS-----\n" + TestPki.sec1(leafKeys));

        Credential credential = PemFiles.read(chainFile, keyFile);

        assertThat(credential.chain()).containsExactly(leaf, ca);
        assertThat(((ECPrivateKey) credential.key()).getS()).isEqualTo(((ECPrivateKey) leafKeys.getPrivate()).getS());
        assertThat(credential.names().covers("example.com")).isTrue();
        assertThat(credential.origin()).isEqualTo(chainFile.toString());
    }

    @Test
    void readsPkcs1RsaAndPkcs8Keys() throws Exception {
        KeyPair keys = TestPki.rsa();
        Path cert = TestPki.write(dir, "rsa.crt", TestPki.pem(TestPki.selfSigned("rsa.example", keys)));
        Path pkcs1 = TestPki.write(dir, "rsa1.key", TestPki.pem(keys.getPrivate()));
        Path pkcs8 = TestPki.write(dir, "rsa8.key", TestPki.pkcs8(keys));
        assertThat(TestPki.pem(keys.getPrivate())).contains("BEGIN RSA PRIVATE KEY");
        assertThat(TestPki.pkcs8(keys)).contains("BEGIN PRIVATE KEY");

        assertThat(PemFiles.read(cert, pkcs1).key().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(PemFiles.read(cert, pkcs8).key().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() throws Exception {
        Path cert = TestPki.write(dir, "a.crt", TestPki.pem(TestPki.selfSigned("a.example", TestPki.ec())));
        Path otherEc = TestPki.write(dir, "b.key", TestPki.pkcs8(TestPki.ec()));
        Path rsa = TestPki.write(dir, "c.key", TestPki.pkcs8(TestPki.rsa()));
        assertThatThrownBy(() -> PemFiles.read(cert, otherEc)).isInstanceOf(TlsSetupException.class)
                .hasMessage("the private key in " + otherEc + " does not belong to the first certificate in " + cert);
        assertThatThrownBy(() -> PemFiles.read(cert, rsa)).hasMessageContaining("does not belong");
    }

    @Test
    void explainsUnusableFiles() throws Exception {
        KeyPair keys = TestPki.ec();
        Path cert = TestPki.write(dir, "a.crt", TestPki.pem(TestPki.selfSigned("a.example", keys)));
        Path encrypted = TestPki.write(dir, "enc.key", TestPki.encryptedPkcs8(keys));
        Path empty = TestPki.write(dir, "empty.pem", "nothing here\n");
        assertThatThrownBy(() -> PemFiles.read(cert, encrypted)).hasMessageContaining("is encrypted");
        assertThatThrownBy(() -> PemFiles.read(empty, encrypted)).hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> PemFiles.read(cert, empty)).hasMessageContaining("holds no PEM private key");
        assertThatThrownBy(() -> PemFiles.read(dir.resolve("missing.crt"), empty))
                .hasMessage("file not found: " + dir.resolve("missing.crt"));
    }
}
