package dev.parley.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.Account;
import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.TestAccounts;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AccountRecordCodecTest {
    private final Account alice = TestAccounts.account("example.com", "alice").withDisabled(true);

    @Test
    void roundTrips() {
        assertThat(AccountRecordCodec.decode(alice.id(), AccountRecordCodec.encode(alice))).isEqualTo(alice);
    }

    @Test
    void startsWithVersionAndFlags() {
        byte[] encoded = AccountRecordCodec.encode(alice);

        assertThat(Arrays.copyOf(encoded, 2)).containsExactly(1, 1);
    }

    @Test
    void corruptRecordsAreRejected() {
        byte[] encoded = AccountRecordCodec.encode(alice);
        byte[] newerVersion = encoded.clone();
        newerVersion[0] = 9;
        byte[] unknownFlag = encoded.clone();
        unknownFlag[1] = 4;

        assertThatThrownBy(() -> AccountRecordCodec.decode(alice.id(), newerVersion))
                .isInstanceOf(StorageException.class).hasMessageContaining("version 9");
        assertThatThrownBy(() -> AccountRecordCodec.decode(alice.id(), unknownFlag))
                .isInstanceOf(StorageException.class).hasMessageContaining("flags");
        assertThatThrownBy(() -> AccountRecordCodec.decode(alice.id(), Arrays.copyOf(encoded, 5)))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> AccountRecordCodec.decode(alice.id(), Arrays.copyOf(encoded, 12)))
                .isInstanceOf(StorageException.class);
    }
}
