package dev.parley.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802 §3, RFC 7677), written against the JDK's own PBKDF2 and HMAC rather than
 * Parley's, so that the benchmarks precompute client messages with an independent implementation and a wrong server
 * would show up as a failed exchange instead of a fast one. Passwords must be ASCII (PRECIS OpaqueString leaves them
 * unchanged).
 */
final class ScramClient {
    static final String HMAC = "HmacSHA256";
    static final String HASH = "SHA-256";
    private static final String PBKDF2 = "PBKDF2WithHmacSHA256";

    private final byte[] clientKey;
    private final byte[] storedKey;
    private final byte[] serverKey;

    /** Runs PBKDF2 once: the expensive part, done when the client first learns the salt. */
    ScramClient(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        storedKey = digest(clientKey);
        serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
    }

    /** Hi() of RFC 5802 §2.2 by the JDK's PBKDF2 with HMAC-SHA-256 (a 32-byte derived key, as SCRAM-SHA-256 uses). */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + PBKDF2, e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + HMAC, e);
        }
    }

    static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(HASH).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + HASH, e);
        }
    }

    byte[] storedKey() {
        return storedKey.clone();
    }

    byte[] serverKey() {
        return serverKey.clone();
    }

    /** client-final-message for {@code authMessage} (§3: ClientProof = ClientKey XOR HMAC(StoredKey, AuthMessage)). */
    String clientFinal(String withoutProof, String authMessage) {
        byte[] signature = hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8));
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** The server-final-message a genuine server answers with. */
    String serverFinal(String authMessage) {
        return "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage.getBytes(StandardCharsets.UTF_8)));
    }
}
