package dev.parley.server.archive;

import dev.parley.server.api.SecretFiles;
import dev.parley.server.api.storage.AccountId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The archive ids clients see (XEP-0359 {@code <stanza-id/>}, XEP-0313 result ids): an archive's sequence number
 * made opaque. The 128-bit block {@code sequence (64 bits) || tag (64 bits)}, where the tag is HMAC-SHA-256 of the
 * account under a server secret, is encrypted with AES under another part of that secret and written in base64url
 * (22 characters). AES is a keyed permutation, so distinct sequences give distinct ids and nothing about the sequence
 * or the archive shows through; decoding checks the tag, so an id of another archive or made up is refused (its tag
 * matches with probability 2^-64). docs/decisions/0005-archive-ids.md explains the choice.
 *
 * <p>The 32-byte secret lives in {@code <data-dir>/archive-ids.key}, created on first start (owner-only where the file
 * system has POSIX permissions); losing it makes every id handed out so far unresolvable.
 */
public final class ArchiveIds {
    static final String KEY_FILE = "archive-ids.key";
    private static final int SECRET_BYTES = 32;
    private static final int ID_CHARS = 22;

    private final SecretKeySpec cipherKey;
    private final SecretKeySpec tagKey;
    private final ThreadLocal<Cipher> encrypt;
    private final ThreadLocal<Cipher> decrypt;
    private final ThreadLocal<Mac> mac;

    ArchiveIds(byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the archive id secret must be " + SECRET_BYTES + " bytes");
        }
        cipherKey = new SecretKeySpec(Arrays.copyOfRange(secret, 0, 16), "AES");
        tagKey = new SecretKeySpec(Arrays.copyOfRange(secret, 16, 32), "HmacSHA256");
        encrypt = ThreadLocal.withInitial(() -> cipher(Cipher.ENCRYPT_MODE));
        decrypt = ThreadLocal.withInitial(() -> cipher(Cipher.DECRYPT_MODE));
        mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(tagKey);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is a mandatory JDK algorithm", e);
            }
        });
    }

    /** The ids of the server whose data directory is {@code dataDir}: its secret is read, or made on first use. */
    public static ArchiveIds open(Path dataDir) throws IOException {
        return new ArchiveIds(SecretFiles.readOrCreate(dataDir, KEY_FILE, SECRET_BYTES));
    }

    public String encode(AccountId account, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("archive sequences start at 1: " + sequence);
        }
        byte[] block = ByteBuffer.allocate(16).putLong(sequence).put(tag(account)).array();
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(encrypt.get().doFinal(block));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on one block", e);
        }
    }

    /** The sequence {@code id} stands for in {@code account}'s archive; empty when it is not an id of that archive. */
    public OptionalLong decode(AccountId account, String id) {
        Objects.requireNonNull(account, "account");
        if (id == null || id.length() != ID_CHARS) {
            return OptionalLong.empty();
        }
        byte[] block;
        try {
            block = decrypt.get().doFinal(Base64.getUrlDecoder().decode(id));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return OptionalLong.empty();
        }
        long sequence = ByteBuffer.wrap(block).getLong();
        boolean ours = MessageDigest.isEqual(Arrays.copyOfRange(block, 8, 16), tag(account));
        return ours && sequence > 0 ? OptionalLong.of(sequence) : OptionalLong.empty();
    }

    private byte[] tag(AccountId account) {
        Mac m = mac.get();
        m.update(account.domain().getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return Arrays.copyOf(m.doFinal(account.username().getBytes(StandardCharsets.UTF_8)), 8);
    }

    private Cipher cipher(int mode) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(mode, cipherKey);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is a mandatory JDK algorithm", e);
        }
    }
}
