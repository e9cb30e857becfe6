package dev.parley.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM, written independently of the server code (SaltedPassword comes from the JCA's PBKDF2),
 * so that agreement between the two is evidence and not a tautology.
 */
final class ScramTestClient {
    private final ScramAlgorithm algorithm;
    private final String gs2Header;
    private final byte[] cbindData;
    private final String bare;
    private final String preparedPassword;
    private byte[] expectedServerSignature;

    /**
     * @param gs2Header        e.g. {@code n,,} or {@code p=tls-exporter,a=user,}
     * @param cbindData        channel-binding data appended to the header in {@code c=}; empty for n/y
     * @param encodedUsername  the username already in saslname form
     * @param preparedPassword the password after OpaqueString (the JCA takes it as chars)
     */
    ScramTestClient(ScramAlgorithm algorithm, String gs2Header, byte[] cbindData, String encodedUsername,
                    String preparedPassword, String clientNonce) {
        this.algorithm = algorithm;
        this.gs2Header = gs2Header;
        this.cbindData = cbindData.clone();
        this.bare = "n=" + encodedUsername + ",r=" + clientNonce;
        this.preparedPassword = preparedPassword;
    }

    static ScramTestClient simple(ScramAlgorithm algorithm, String username, String password) {
        return new ScramTestClient(algorithm, "n,,", new byte[0], username, password, "clientNonce123");
    }

    byte[] clientFirst() {
        return (gs2Header + bare).getBytes(StandardCharsets.UTF_8);
    }

    byte[] clientFinal(byte[] serverFirst) {
        return clientFinal(serverFirst, null);
    }

    /** @param channelBindingOverride base64 to send as {@code c=} instead of the correct value, or null */
    byte[] clientFinal(byte[] serverFirst, String channelBindingOverride) {
        String serverFirstText = new String(serverFirst, StandardCharsets.UTF_8);
        Map<String, String> attributes = attributes(serverFirstText);
        byte[] salt = Base64.getDecoder().decode(attributes.get("s"));
        int iterations = Integer.parseInt(attributes.get("i"));
        byte[] cbindInput = concat(gs2Header.getBytes(StandardCharsets.UTF_8), cbindData);
        String channelBinding = channelBindingOverride != null
                ? channelBindingOverride : Base64.getEncoder().encodeToString(cbindInput);
        String withoutProof = "c=" + channelBinding + ",r=" + attributes.get("r");
        byte[] authMessage = (bare + "," + serverFirstText + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] salted = pbkdf2(salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = digest(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        expectedServerSignature = hmac(serverKey, authMessage);
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** The server-final message a genuine server must send after the last {@link #clientFinal}. */
    byte[] expectedServerFinal() {
        return ("v=" + Base64.getEncoder().encodeToString(expectedServerSignature)).getBytes(StandardCharsets.UTF_8);
    }

    /** PBKDF2 from the JCA; SunJCE encodes the char[] password as UTF-8, as RFC 5802 needs. */
    byte[] pbkdf2(byte[] salt, int iterations) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2With" + algorithm.hmacName());
            PBEKeySpec spec = new PBEKeySpec(preparedPassword.toCharArray(), salt, iterations,
                    algorithm.hashLength() * 8);
            return factory.generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, String> attributes(String message) {
        Map<String, String> attributes = new HashMap<>();
        for (String attribute : message.split(",")) {
            attributes.put(attribute.substring(0, 1), attribute.substring(2));
        }
        return attributes;
    }

    private byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm.hmacName());
            mac.init(new SecretKeySpec(key, algorithm.hmacName()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm.digestName()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
