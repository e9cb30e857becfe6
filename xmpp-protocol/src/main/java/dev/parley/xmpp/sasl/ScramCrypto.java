package dev.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM key functions of RFC 5802 §2.2 and §3: HMAC, H, Hi, and the ClientKey/StoredKey/ServerKey derivations.
 * Hi is written on {@link Mac} directly so that the password bytes are exactly the UTF-8 octets RFC 5802 specifies,
 * independent of how a JCA PBKDF2 provider turns a {@code char[]} into bytes.
 */
final class ScramCrypto {
    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

    private ScramCrypto() {
    }

    static byte[] hmac(ScramAlgorithm algorithm, byte[] key, byte[] data) {
        Mac mac = mac(algorithm, key);
        return mac.doFinal(data);
    }

    static byte[] hash(ScramAlgorithm algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm.digestName()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm.digestName(), e);
        }
    }

    /** Hi(str, salt, i) of RFC 5802 §2.2, which is PBKDF2 (RFC 8018) with HMAC and dkLen = hash length. */
    static byte[] hi(ScramAlgorithm algorithm, byte[] password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        Mac mac = mac(algorithm, password);
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    static byte[] clientKey(ScramAlgorithm algorithm, byte[] saltedPassword) {
        return hmac(algorithm, saltedPassword, CLIENT_KEY);
    }

    static byte[] storedKey(ScramAlgorithm algorithm, byte[] saltedPassword) {
        return hash(algorithm, clientKey(algorithm, saltedPassword));
    }

    static byte[] serverKey(ScramAlgorithm algorithm, byte[] saltedPassword) {
        return hmac(algorithm, saltedPassword, SERVER_KEY);
    }

    /** Both arrays must have the same length. */
    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static Mac mac(ScramAlgorithm algorithm, byte[] key) {
        if (key.length == 0) {
            // SecretKeySpec refuses empty keys; no SCRAM key or prepared password is ever empty.
            throw new IllegalArgumentException("empty HMAC key");
        }
        try {
            Mac mac = Mac.getInstance(algorithm.hmacName());
            mac.init(new SecretKeySpec(key, algorithm.hmacName()));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm.hmacName(), e);
        }
    }
}
