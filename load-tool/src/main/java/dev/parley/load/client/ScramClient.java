package dev.parley.load.client;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramClientProofs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of one SCRAM exchange (RFC 5802 §3 and §5; SCRAM-SHA-256 is RFC 7677) without channel binding
 * (gs2 flag {@code n}). The salted password comes from {@link SaltedPasswords}, which derives it off the event loop
 * and keeps it, as real clients do between logins.
 */
public final class ScramClient {
    /** Far above what any server uses; bounds the key derivation a hostile or broken server can ask for. */
    static final int MAX_ITERATIONS = 1_000_000;
    private static final String GS2_HEADER = "n,,";

    private final ScramAlgorithm algorithm;
    private final String username;
    private final String password;
    private final SaltedPasswords saltedPasswords;
    private final String clientNonce;
    private String authMessage;
    private byte[] expectedServerSignature;

    /** {@code username} and {@code password} must be printable ASCII, which SASLprep leaves as they are. */
    public ScramClient(ScramAlgorithm algorithm, String username, String password, SaltedPasswords saltedPasswords) {
        this.algorithm = algorithm;
        this.username = username;
        this.password = password;
        this.saltedPasswords = saltedPasswords;
        byte[] nonce = new byte[18];
        // A load generator's nonce needs uniqueness, not unpredictability.
        ThreadLocalRandom.current().nextBytes(nonce);
        this.clientNonce = Base64.getEncoder().encodeToString(nonce);
    }

    public String mechanism() {
        return algorithm.mechanismName();
    }

    /** client-first-message. */
    public String clientFirst() {
        return GS2_HEADER + clientFirstBare();
    }

    private String clientFirstBare() {
        return "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    /**
     * client-final-message for {@code serverFirst}, once the salted password is known.
     *
     * @throws IllegalArgumentException when the server-first-message is malformed or does not extend our nonce
     */
    public CompletionStage<String> clientFinal(String serverFirst) {
        String nonce = null;
        String salt = null;
        int iterations = -1;
        for (String attribute : serverFirst.split(",")) {
            if (attribute.startsWith("m=")) {
                throw new IllegalArgumentException("the server demands an unsupported SCRAM extension");
            } else if (attribute.startsWith("r=")) {
                nonce = attribute.substring(2);
            } else if (attribute.startsWith("s=")) {
                salt = attribute.substring(2);
            } else if (attribute.startsWith("i=")) {
                iterations = parseIterations(attribute.substring(2));
            }
        }
        if (nonce == null || salt == null || iterations < 1 || !nonce.startsWith(clientNonce)
                || nonce.length() == clientNonce.length()) {
            throw new IllegalArgumentException("malformed server-first-message");
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII))
                + ",r=" + nonce;
        authMessage = clientFirstBare() + "," + serverFirst + "," + withoutProof;
        byte[] saltBytes = Base64.getDecoder().decode(salt);
        return saltedPasswords.get(algorithm, username, password, saltBytes, iterations).thenApply(salted -> {
            byte[] message = authMessage.getBytes(StandardCharsets.UTF_8);
            expectedServerSignature = ScramClientProofs.serverSignature(algorithm, salted, message);
            return withoutProof + ",p=" + Base64.getEncoder().encodeToString(
                    ScramClientProofs.clientProof(algorithm, salted, message));
        });
    }

    /** True when {@code serverFinal} carries the server signature only a server holding our credentials can make. */
    public boolean verifyServerFinal(String serverFinal) {
        if (expectedServerSignature == null || !serverFinal.startsWith("v=")) {
            return false;
        }
        int end = serverFinal.indexOf(',');
        String value = serverFinal.substring(2, end < 0 ? serverFinal.length() : end);
        try {
            return MessageDigest.isEqual(expectedServerSignature, Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static int parseIterations(String text) {
        try {
            int iterations = Integer.parseInt(text);
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("SCRAM iteration count out of range: " + iterations);
            }
            return iterations;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SCRAM iteration count is not a number");
        }
    }
}
