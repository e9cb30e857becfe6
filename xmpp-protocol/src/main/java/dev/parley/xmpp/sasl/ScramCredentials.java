package dev.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * Derives what the server stores for a password (RFC 5802 §3: SaltedPassword = Hi(Normalize(password), salt, i),
 * StoredKey = H(HMAC(SaltedPassword, "Client Key")), ServerKey = HMAC(SaltedPassword, "Server Key")) and checks a
 * cleartext password against it. Normalize is the PRECIS OpaqueString profile (RFC 8265 §4.2), which replaces
 * SASLprep for XMPP. Deriving costs {@code iterations} HMACs per algorithm: call it off any event loop.
 */
public final class ScramCredentials {
    /** Iteration count Parley uses unless configured otherwise (RFC 7677 §4 asks for at least 4096). */
    public static final int DEFAULT_ITERATIONS = 10_000;
    /** Salt length in bytes for new credentials. */
    public static final int SALT_LENGTH = 16;

    private ScramCredentials() {
    }

    /**
     * A credential for {@code password} with a fresh random salt.
     *
     * @throws IllegalArgumentException if the password is not a valid OpaqueString (e.g. empty or control characters)
     */
    public static ScramCredential derive(String password, ScramAlgorithm algorithm, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return derive(password, algorithm, iterations, salt);
    }

    /**
     * A credential for {@code password} with the given salt (imports, tests).
     *
     * @throws IllegalArgumentException if the password is not a valid OpaqueString or the salt is empty
     */
    public static ScramCredential derive(String password, ScramAlgorithm algorithm, int iterations, byte[] salt) {
        if (salt.length == 0) {
            throw new IllegalArgumentException("empty salt");
        }
        byte[] salted = ScramCrypto.hi(algorithm, preparePassword(password), salt, iterations);
        return new ScramCredential(algorithm, salt, iterations,
                ScramCrypto.storedKey(algorithm, salted), ScramCrypto.serverKey(algorithm, salted));
    }

    /** Credentials for every {@link ScramAlgorithm}, each with its own salt and the same iteration count. */
    public static StoredCredential deriveAll(String password, int iterations, SecureRandom random) {
        Map<ScramAlgorithm, ScramCredential> all = new EnumMap<>(ScramAlgorithm.class);
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            all.put(algorithm, derive(password, algorithm, iterations, random));
        }
        return new StoredCredential(all);
    }

    /**
     * Whether {@code password} is the one {@code credential} was derived from, compared in constant time. A password
     * that is not a valid OpaqueString never matches.
     */
    public static boolean matches(String password, ScramCredential credential) {
        byte[] prepared;
        try {
            prepared = preparePassword(password);
        } catch (IllegalArgumentException e) {
            return false;
        }
        ScramAlgorithm algorithm = credential.algorithm();
        byte[] salted = ScramCrypto.hi(algorithm, prepared, credential.salt(), credential.iterations());
        return MessageDigest.isEqual(ScramCrypto.storedKey(algorithm, salted), credential.storedKey());
    }

    /** The UTF-8 octets of the OpaqueString-enforced password; throws IllegalArgumentException when invalid. */
    static byte[] preparePassword(String password) {
        return PrecisProfiles.OPAQUE_STRING.enforce(password).getBytes(StandardCharsets.UTF_8);
    }
}
