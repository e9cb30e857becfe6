package dev.parley.xmpp.sasl;

import java.util.Objects;

/**
 * What the server keeps for one SCRAM hash (RFC 5802 §3): never the password, only the salt, the iteration count and
 * the derived StoredKey and ServerKey.
 */
public record ScramCredential(ScramAlgorithm algorithm, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    public ScramCredential {
        Objects.requireNonNull(algorithm, "algorithm");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }
}
