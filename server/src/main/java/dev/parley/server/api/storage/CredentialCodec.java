package dev.parley.server.api.storage;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredential;
import dev.parley.xmpp.sasl.StoredCredential;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one binary form of a {@link StoredCredential} that every store keeps, so credentials move between backends
 * byte for byte.
 *
 * <p>Version 1, all integers big-endian:
 * <pre>
 *   u8  version = 1
 *   u8  count of SCRAM entries, in {@link ScramAlgorithm} order, each:
 *       u8  algorithm: 1 = SHA-1, 2 = SHA-256, 3 = SHA-512 (fixed codes, never enum ordinals)
 *       i32 iteration count (positive)
 *       u16 length + bytes of the salt
 *       u16 length + bytes of the StoredKey
 *       u16 length + bytes of the ServerKey
 * </pre>
 * A later format bumps the version byte; {@link #decode} keeps reading every version it has ever written.
 */
public final class CredentialCodec {
    public static final int VERSION = 1;
    private static final int MAX_FIELD_LENGTH = 0xFFFF;

    private CredentialCodec() {
    }

    public static byte[] encode(StoredCredential credential) {
        Map<ScramAlgorithm, ScramCredential> entries = new EnumMap<>(ScramAlgorithm.class);
        entries.putAll(Objects.requireNonNull(credential, "credential").scram());
        int size = 2;
        for (ScramCredential scram : entries.values()) {
            size += 1 + 4 + fieldSize(scram.salt(), "salt") + fieldSize(scram.storedKey(), "StoredKey")
                    + fieldSize(scram.serverKey(), "ServerKey");
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) VERSION).put((byte) entries.size());
        for (ScramCredential scram : entries.values()) {
            out.put(code(scram.algorithm())).putInt(scram.iterations());
            putField(out, scram.salt());
            putField(out, scram.storedKey());
            putField(out, scram.serverKey());
        }
        return out.array();
    }

    /**
     * @throws StorageException if {@code data} is not a credential in a known version (corrupt or from a newer
     *                          Parley); decoding never allocates more than {@code data} holds
     */
    public static StoredCredential decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(Objects.requireNonNull(data, "data"));
        try {
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new StorageException("unsupported credential format version " + version);
            }
            int count = Byte.toUnsignedInt(in.get());
            Map<ScramAlgorithm, ScramCredential> entries = new EnumMap<>(ScramAlgorithm.class);
            for (int i = 0; i < count; i++) {
                ScramAlgorithm algorithm = algorithm(in.get());
                int iterations = in.getInt();
                if (iterations < 1) {
                    throw new StorageException("corrupt credential: iteration count " + iterations);
                }
                ScramCredential scram =
                        new ScramCredential(algorithm, getField(in), iterations, getField(in), getField(in));
                if (entries.put(algorithm, scram) != null) {
                    throw new StorageException("corrupt credential: " + algorithm + " appears twice");
                }
            }
            if (in.hasRemaining()) {
                throw new StorageException("corrupt credential: " + in.remaining() + " trailing bytes");
            }
            return new StoredCredential(entries);
        } catch (BufferUnderflowException e) {
            throw new StorageException("corrupt credential: truncated", e);
        }
    }

    private static int fieldSize(byte[] field, String name) {
        if (field.length > MAX_FIELD_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_FIELD_LENGTH + " bytes");
        }
        return 2 + field.length;
    }

    private static void putField(ByteBuffer out, byte[] field) {
        out.putShort((short) field.length).put(field);
    }

    private static byte[] getField(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] field = new byte[length];
        in.get(field);
        return field;
    }

    private static byte code(ScramAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA_1 -> 1;
            case SHA_256 -> 2;
            case SHA_512 -> 3;
        };
    }

    private static ScramAlgorithm algorithm(byte code) {
        return switch (code) {
            case 1 -> ScramAlgorithm.SHA_1;
            case 2 -> ScramAlgorithm.SHA_256;
            case 3 -> ScramAlgorithm.SHA_512;
            default -> throw new StorageException("corrupt credential: unknown algorithm code " + code);
        };
    }
}
