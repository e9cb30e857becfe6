package dev.parley.xmpp.sasl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Stand-in credentials for accounts that do not exist (or lack the requested hash), so that an exchange for an
 * unknown user looks like one for a real user until it fails with {@code not-authorized} at the last step
 * (RFC 5802 §9: the server should not reveal whether an account exists). The salt is an HMAC of the username under
 * a secret, hence stable across attempts: an attacker asking twice sees the same salt, as for a real account.
 *
 * <p>{@link #processWide()} uses a random secret per JVM; a cluster should construct one from a shared secret so
 * that every node answers alike, with the iteration count it uses for real accounts.
 */
public final class DecoyCredentials {
    private static final int MIN_SECRET_LENGTH = 16;
    private static final DecoyCredentials PROCESS_WIDE = new DecoyCredentials(randomSecret(),
            ScramCredentials.DEFAULT_ITERATIONS);

    private final byte[] secret;
    private final int iterations;

    /**
     * @param secret     at least 16 bytes, kept private to the server
     * @param iterations the iteration count real accounts are stored with
     */
    public DecoyCredentials(byte[] secret, int iterations) {
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("decoy secret must have at least " + MIN_SECRET_LENGTH + " bytes");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.secret = secret.clone();
        this.iterations = iterations;
    }

    /** A random secret for this JVM and {@link ScramCredentials#DEFAULT_ITERATIONS}. */
    public static DecoyCredentials processWide() {
        return PROCESS_WIDE;
    }

    /** The decoy for one user and algorithm; its keys match no password anyone knows. */
    ScramCredential forUser(ScramAlgorithm algorithm, String username) {
        byte[] salt = Arrays.copyOf(derive("salt", algorithm, username), ScramCredentials.SALT_LENGTH);
        byte[] storedKey = Arrays.copyOf(derive("stored-key", algorithm, username), algorithm.hashLength());
        byte[] serverKey = Arrays.copyOf(derive("server-key", algorithm, username), algorithm.hashLength());
        return new ScramCredential(algorithm, salt, iterations, storedKey, serverKey);
    }

    private byte[] derive(String label, ScramAlgorithm algorithm, String username) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        // NUL separators keep (label, algorithm, username) unambiguous: none of them can contain NUL.
        input.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        input.write(0);
        input.writeBytes(algorithm.mechanismName().getBytes(StandardCharsets.US_ASCII));
        input.write(0);
        input.writeBytes(username.getBytes(StandardCharsets.UTF_8));
        // SHA-512 gives 64 bytes, enough for every field of every algorithm.
        return ScramCrypto.hmac(ScramAlgorithm.SHA_512, secret, input.toByteArray());
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
