package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.Account;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.CredentialCodec;
import dev.parley.server.api.storage.StorageException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * The value stored under an account's key (the id itself is the key, see {@link RocksDbAccountStore}).
 *
 * <p>Version 1, big-endian:
 * <pre>
 *   u8  version = 1
 *   u8  flags: bit 0 = disabled, other bits zero
 *   i64 created, milliseconds since the epoch
 *   ... the credential in {@link CredentialCodec}'s format, to the end
 * </pre>
 */
final class AccountRecordCodec {
    private static final int VERSION = 1;
    private static final int DISABLED = 1;
    private static final int HEADER = 1 + 1 + 8;

    private AccountRecordCodec() {
    }

    static byte[] encode(Account account) {
        byte[] credential = CredentialCodec.encode(account.credential());
        return ByteBuffer.allocate(HEADER + credential.length)
                .put((byte) VERSION)
                .put((byte) (account.disabled() ? DISABLED : 0))
                .putLong(account.created().toEpochMilli())
                .put(credential)
                .array();
    }

    /** @throws StorageException if {@code value} is not an account record in a known version */
    static Account decode(AccountId id, byte[] value) {
        if (value.length < HEADER) {
            throw new StorageException("corrupt account record for " + id + ": " + value.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw new StorageException("unsupported account record version " + version + " for " + id);
        }
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~DISABLED) != 0) {
            throw new StorageException("corrupt account record for " + id + ": unknown flags " + flags);
        }
        Instant created = Instant.ofEpochMilli(in.getLong());
        return new Account(id, CredentialCodec.decode(Arrays.copyOfRange(value, HEADER, value.length)),
                (flags & DISABLED) != 0, created);
    }
}
