package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredential;
import dev.parley.xmpp.sasl.StoredCredential;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialCodecTest {
    @Test
    void encodesTheDocumentedVersion1Layout() {
        StoredCredential credential = new StoredCredential(Map.of(ScramAlgorithm.SHA_256,
                new ScramCredential(ScramAlgorithm.SHA_256, new byte[] {7, 8}, 4096, new byte[] {1}, new byte[] {2})));

        assertThat(HexFormat.of().formatHex(CredentialCodec.encode(credential)))
                .isEqualTo("01" + "01" + "02" + "00001000" + "0002" + "0708" + "0001" + "01" + "0001" + "02");
    }

    @Test
    void roundTripsEveryAlgorithm() {
        StoredCredential credential = TestAccounts.randomCredential();

        StoredCredential decoded = CredentialCodec.decode(CredentialCodec.encode(credential));

        assertThat(decoded.scram()).containsOnlyKeys(ScramAlgorithm.values());
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            ScramCredential expected = credential.scram().get(algorithm);
            ScramCredential actual = decoded.scram().get(algorithm);
            assertThat(actual.salt()).isEqualTo(expected.salt());
            assertThat(actual.iterations()).isEqualTo(expected.iterations());
            assertThat(actual.storedKey()).isEqualTo(expected.storedKey());
            assertThat(actual.serverKey()).isEqualTo(expected.serverKey());
        }
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] encoded = CredentialCodec.encode(TestAccounts.randomCredential());
        encoded[0] = 2;

        assertThatThrownBy(() -> CredentialCodec.decode(encoded)).isInstanceOf(StorageException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void everyTruncationIsRejectedWithoutCrashing() {
        byte[] encoded = CredentialCodec.encode(TestAccounts.randomCredential());
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> CredentialCodec.decode(truncated)).as("length %d", length)
                    .isInstanceOf(StorageException.class);
        }
    }

    @Test
    void corruptContentIsRejected() {
        assertThatThrownBy(() -> CredentialCodec.decode(HexFormat.of().parseHex("010109"))).as("unknown algorithm")
                .isInstanceOf(StorageException.class).hasMessageContaining("algorithm");
        assertThatThrownBy(() -> CredentialCodec.decode(HexFormat.of().parseHex("01010100000000000000000000")))
                .as("zero iterations").isInstanceOf(StorageException.class).hasMessageContaining("iteration");
        assertThatThrownBy(() -> CredentialCodec.decode(HexFormat.of().parseHex("010101" + "00000001" + "FFFF")))
                .as("oversized length").isInstanceOf(StorageException.class);
        StoredCredential none = new StoredCredential(new EnumMap<>(ScramAlgorithm.class));
        byte[] trailing = Arrays.copyOf(CredentialCodec.encode(none), 3);
        assertThatThrownBy(() -> CredentialCodec.decode(trailing)).isInstanceOf(StorageException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void duplicateAlgorithmIsRejected() {
        String entry = "01" + "00000001" + "0000" + "0000" + "0000";

        assertThatThrownBy(() -> CredentialCodec.decode(HexFormat.of().parseHex("0102" + entry + entry)))
                .isInstanceOf(StorageException.class).hasMessageContaining("twice");
    }
}
