package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredential;
import dev.parley.xmpp.sasl.StoredCredential;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final AccountId ALICE = new AccountId("example.com", "alice");

    @Test
    void createdIsKeptToTheMillisecond() {
        Account account = new Account(ALICE, new StoredCredential(new EnumMap<>(ScramAlgorithm.class)), false,
                Instant.parse("2025-01-02T03:04:05.678999Z"));

        assertThat(account.created()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
    }

    @Test
    void equalityComparesCredentialBytesNotArrayIdentity() {
        StoredCredential credential = TestAccounts.randomCredential();
        Account account = new Account(ALICE, credential, false, Instant.EPOCH);
        Account copy = new Account(ALICE, CredentialCodec.decode(CredentialCodec.encode(credential)), false,
                Instant.EPOCH);

        assertThat(copy).isEqualTo(account).hasSameHashCodeAs(account);
        assertThat(copy.withCredential(TestAccounts.randomCredential())).isNotEqualTo(account);
        assertThat(copy.withDisabled(true)).isNotEqualTo(account);
    }

    @Test
    void credentialFiledUnderTheWrongAlgorithmIsRejected() {
        ScramCredential sha1 = new ScramCredential(ScramAlgorithm.SHA_1, new byte[16], 4096, new byte[20],
                new byte[20]);

        assertThatThrownBy(() -> new Account(ALICE, new StoredCredential(Map.of(ScramAlgorithm.SHA_256, sha1)),
                false, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringLeavesKeysOut() {
        Account account = new Account(ALICE, TestAccounts.randomCredential(), true, Instant.EPOCH);

        assertThat(account.toString()).contains("alice@example.com", "SHA_256").doesNotContain("[B@");
    }
}
