package dev.parley.server.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.3 exporter (RFC 8446 §7.5) computed from the exporter master secret:
 * {@code HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter", Hash(context_value), key_length)}, with
 * HKDF-Expand-Label and Derive-Secret as in RFC 8446 §7.1. Used where the TLS engine hands out the secret but offers no
 * exporter of its own.
 */
final class Tls13Exporter {
    private Tls13Exporter() {
    }

    /**
     * @param digest the cipher suite's hash, as a JCA name ({@code SHA-256} or {@code SHA-384})
     * @param secret the exporter_master_secret, as long as the hash output
     */
    static byte[] export(String digest, byte[] secret, String label, byte[] context, int length) {
        try {
            MessageDigest hash = MessageDigest.getInstance(digest);
            if (secret.length != hash.getDigestLength()) {
                throw new IllegalArgumentException("a " + digest + " exporter secret has " + hash.getDigestLength()
                        + " bytes, not " + secret.length);
            }
            String hmac = "Hmac" + digest.replace("-", "");
            byte[] emptyHash = hash.digest();
            byte[] derived = expandLabel(hmac, secret, label, emptyHash, emptyHash.length);
            return expandLabel(hmac, derived, "exporter", hash.digest(context), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + digest, e);
        }
    }

    /** HKDF-Expand (RFC 5869 §2.3) of the HkdfLabel structure (RFC 8446 §7.1). */
    private static byte[] expandLabel(String hmac, byte[] secret, String label, byte[] context, int length)
            throws GeneralSecurityException {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(length >>> 8);
        info.write(length);
        info.write(fullLabel.length);
        info.writeBytes(fullLabel);
        info.write(context.length);
        info.writeBytes(context);
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(secret, hmac));
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        for (int offset = 0, counter = 1; offset < length; offset += block.length, counter++) {
            mac.update(block);
            mac.update(info.toByteArray());
            mac.update((byte) counter);
            block = mac.doFinal();
            System.arraycopy(block, 0, output, offset, Math.min(block.length, length - offset));
        }
        return output;
    }
}
