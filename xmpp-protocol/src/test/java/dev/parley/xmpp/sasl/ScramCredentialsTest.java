package dev.parley.xmpp.sasl;

import static dev.parley.xmpp.sasl.SaslTesting.RANDOM;
import static dev.parley.xmpp.sasl.SaslTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rocks.xmpp.precis.PrecisProfiles;

class ScramCredentialsTest {

    /** RFC 6070 PBKDF2-HMAC-SHA1 vectors: Hi is PBKDF2 with dkLen = hLen. */
    @Test
    void hiMatchesRfc6070() {
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(ScramCrypto.hi(ScramAlgorithm.SHA_1, utf8("password"), utf8("salt"), 1)))
                .isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
        assertThat(hex.formatHex(ScramCrypto.hi(ScramAlgorithm.SHA_1, utf8("password"), utf8("salt"), 2)))
                .isEqualTo("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
        assertThat(hex.formatHex(ScramCrypto.hi(ScramAlgorithm.SHA_1, utf8("password"), utf8("salt"), 4096)))
                .isEqualTo("4b007901b765489abead49d926f721d065a429c1");
    }

    /** Hi over UTF-8 octets agrees with the JCA's PBKDF2 for non-ASCII passwords in every algorithm. */
    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void hiAgreesWithJcaPbkdf2ForNonAscii(ScramAlgorithm algorithm) {
        String password = "\u00fcn\u00efc\u00f6d\u00e9 \u30d1\u30b9\u30ef\u30fc\u30c9 \uD83D\uDD11";
        byte[] salt = utf8("NaCl-NaCl-NaCl!!");
        var client = new ScramTestClient(algorithm, "n,,", new byte[0], "user", password, "x");
        assertThat(ScramCrypto.hi(algorithm, utf8(password), salt, 1000)).isEqualTo(client.pbkdf2(salt, 1000));
    }

    @Test
    void nonAsciiPasswordRoundTrip() {
        String password = "Gr\u00fc\u00dfe, \u4e16\u754c \uD83D\uDD11";
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            ScramCredential credential = ScramCredentials.derive(password, algorithm, 4096, RANDOM);
            assertThat(ScramCredentials.matches(password, credential)).isTrue();
            assertThat(ScramCredentials.matches("Gr\u00fc\u00dfe, \u4e16\u754c", credential)).isFalse();
        }
    }

    @Test
    void passwordIsNormalisedBeforeDerivation() {
        ScramCredential credential = ScramCredentials.derive("\u00c5ngstr\u00f6m\u2003x", ScramAlgorithm.SHA_256, 4096,
                RANDOM);
        assertThat(ScramCredentials.matches("A\u030angstro\u0308m x", credential)).isTrue();
    }

    @Test
    void derivedKeysFollowRfc5802() {
        byte[] salt = utf8("0123456789abcdef");
        ScramCredential credential = ScramCredentials.derive("pencil", ScramAlgorithm.SHA_256, 4096, salt);
        var client = new ScramTestClient(ScramAlgorithm.SHA_256, "n,,", new byte[0], "user", "pencil", "x");
        byte[] salted = client.pbkdf2(salt, 4096);
        byte[] clientKey = ScramCrypto.hmac(ScramAlgorithm.SHA_256, salted, utf8("Client Key"));

        assertThat(credential.salt()).isEqualTo(salt);
        assertThat(credential.iterations()).isEqualTo(4096);
        assertThat(credential.storedKey()).isEqualTo(ScramCrypto.hash(ScramAlgorithm.SHA_256, clientKey));
        assertThat(credential.serverKey()).isEqualTo(ScramCrypto.hmac(ScramAlgorithm.SHA_256, salted,
                utf8("Server Key")));
    }

    @Test
    void deriveAllCoversEveryAlgorithmWithItsOwnSalt() {
        StoredCredential all = ScramCredentials.deriveAll("pencil", 4096, RANDOM);
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            ScramCredential credential = all.forAlgorithm(algorithm).orElseThrow();
            assertThat(credential.algorithm()).isEqualTo(algorithm);
            assertThat(credential.salt()).hasSize(ScramCredentials.SALT_LENGTH);
            assertThat(credential.iterations()).isEqualTo(4096);
            assertThat(credential.storedKey()).hasSize(algorithm.hashLength());
            assertThat(ScramCredentials.matches("pencil", credential)).isTrue();
        }
        assertThat(all.forAlgorithm(ScramAlgorithm.SHA_1).orElseThrow().salt())
                .isNotEqualTo(all.forAlgorithm(ScramAlgorithm.SHA_256).orElseThrow().salt());
    }

    @Test
    void invalidPasswordsAreRefused() {
        assertThatThrownBy(() -> ScramCredentials.derive("", ScramAlgorithm.SHA_256, 4096, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScramCredentials.derive("bell\u0007", ScramAlgorithm.SHA_256, 4096, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScramCredentials.derive("pencil", ScramAlgorithm.SHA_256, 0, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        ScramCredential credential = ScramCredentials.derive("pencil", ScramAlgorithm.SHA_256, 16, RANDOM);
        assertThat(ScramCredentials.matches("", credential)).isFalse();
    }

    @Test
    void preparedPasswordIsOpaqueString() {
        assertThat(ScramCredentials.preparePassword("a\u3000b")).isEqualTo(utf8(
                PrecisProfiles.OPAQUE_STRING.enforce("a b")));
    }

    @Test
    void storedCredentialRejectsMisfiledEntriesAndAcceptsNone() {
        ScramCredential sha1 = ScramCredentials.derive("pencil", ScramAlgorithm.SHA_1, 16, RANDOM);
        assertThatThrownBy(() -> new StoredCredential(Map.of(ScramAlgorithm.SHA_256, sha1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new StoredCredential(Map.of()).forAlgorithm(ScramAlgorithm.SHA_1)).isEmpty();
    }

    @Test
    void decoysAreStablePerSecretAndUser() {
        byte[] secret = new byte[16];
        var a = new DecoyCredentials(secret, 4096);
        var b = new DecoyCredentials(secret.clone(), 4096);
        byte[] otherSecret = secret.clone();
        otherSecret[0] = 1;
        var c = new DecoyCredentials(otherSecret, 4096);

        assertThat(a.forUser(ScramAlgorithm.SHA_256, "x").salt()).isEqualTo(b.forUser(ScramAlgorithm.SHA_256, "x").salt());
        assertThat(a.forUser(ScramAlgorithm.SHA_256, "x").salt()).isNotEqualTo(c.forUser(ScramAlgorithm.SHA_256, "x").salt());
        assertThat(a.forUser(ScramAlgorithm.SHA_256, "x").salt()).isNotEqualTo(a.forUser(ScramAlgorithm.SHA_1, "x").salt());
        assertThat(a.forUser(ScramAlgorithm.SHA_512, "x").storedKey()).hasSize(64);
        assertThat(a.forUser(ScramAlgorithm.SHA_512, "x").iterations()).isEqualTo(4096);
        assertThatThrownBy(() -> new DecoyCredentials(new byte[15], 4096)).isInstanceOf(IllegalArgumentException.class);
    }
}
