package dev.parley.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramClientProofs;

import javax.security.sasl.SaslException;

/**
 * The client side of one SCRAM-SHA-256 authentication exchange (RFC 7677 §3, which runs RFC 5802 §3 and §5 with
 * SHA-256), without channel binding and without an authorization identity: the gs2-header is {@code n,,}
 * (RFC 5802 §7).
 *
 * <p>Messages go in the order of RFC 5802 §5: {@link #clientFirstMessage()}, then
 * {@link #clientFinalMessage(String)} for the server-first-message, then {@link #verifyServerFinal(String)}, which
 * checks the server's signature: only after that has the server proved it knows the password
 * ({@link #serverVerified()}).
 *
 * <p>Normalize() is Unicode NFKC, the normalisation step of SASLprep (RFC 4013 §2.2) and what Smack applies for its
 * own SCRAM-SHA-1; SASLprep's mapping and prohibition tables are not applied, which matters only for non-ASCII
 * credentials.
 */
final class ScramSha256Exchange {

    /** gs2-cbind-flag "n" (RFC 5802 §6: the client does not support channel binding) and no authzid. */
    private static final String GS2_HEADER = "n,,";
    /** RFC 5802 §7 channel-binding: the base64 gs2-header and, without channel binding, nothing more ("c=biws"). */
    private static final String CHANNEL_BINDING =
            "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));
    /** RFC 5802 §7 "printable": ASCII 0x21-0x7E except ','. */
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x2B\\x2D-\\x7E]+");
    /** RFC 5802 §7 posit-number, at most 9 digits so it fits an int. */
    private static final Pattern POSITIVE_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");
    /**
     * Upper bound on the server's iteration count, so a broken or hostile server cannot make Hi() run for minutes.
     * RFC 7677 §4 asks for at least 4096; a million is far above what servers use.
     */
    static final int MAX_ITERATIONS = 1_000_000;
    private static final int NONCE_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String password;
    private final String clientNonce;
    private final String clientFirstMessageBare;
    private byte[] expectedServerSignature;
    private boolean serverVerified;

    /**
     * @param username    the authentication identity (the account's local part in XMPP, RFC 6120 §6.3.7)
     * @param password    the account's password
     * @param clientNonce the client's nonce, printable ASCII without ',' (RFC 5802 §5.1 "r"), usually
     *                    {@link #randomNonce()}
     */
    ScramSha256Exchange(String username, String password, String clientNonce) {
        if (!PRINTABLE.matcher(clientNonce).matches()) {
            throw new IllegalArgumentException("a SCRAM nonce is printable ASCII without ','");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("SCRAM needs a password");
        }
        this.password = password;
        this.clientNonce = clientNonce;
        this.clientFirstMessageBare = "n=" + saslname(normalize(username)) + ",r=" + clientNonce;
    }

    /** 24 bytes from a {@link SecureRandom}, base64-encoded: 32 printable characters, none of them ','. */
    static String randomNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 5802 §5.1 "n": ',' and '=' in the username are sent as "=2C" and "=3D". */
    static String saslname(String username) {
        return username.replace("=", "=3D").replace(",", "=2C");
    }

    /** The client-first-message: gs2-header followed by client-first-message-bare (RFC 5802 §7). */
    String clientFirstMessage() {
        return GS2_HEADER + clientFirstMessageBare;
    }

    /**
     * Answers the server-first-message with the client-final-message carrying the ClientProof (RFC 5802 §3), and
     * remembers the ServerSignature the server must send back.
     *
     * @throws SaslException when the server-first-message is malformed, carries a mandatory extension, or does not
     *                       extend this client's nonce
     */
    String clientFinalMessage(String serverFirstMessage) throws SaslException {
        if (expectedServerSignature != null) {
            throw new SaslException("SCRAM: a second server-first-message");
        }
        // server-first-message = [reserved-mext ","] nonce "," salt "," iteration-count ["," extensions]
        String[] attributes = serverFirstMessage.split(",", -1);
        if (attributes.length > 0 && attributes[0].startsWith("m=")) {
            // RFC 5802 §5.1 "m": its presence MUST cause authentication failure.
            throw new SaslException("SCRAM: the server requires an extension this client does not know");
        }
        if (attributes.length < 3) {
            throw new SaslException("SCRAM: server-first-message lacks nonce, salt or iteration count");
        }
        String nonce = value(attributes[0], 'r');
        if (!PRINTABLE.matcher(nonce).matches() || !nonce.startsWith(clientNonce)
                || nonce.length() == clientNonce.length()) {
            // RFC 5802 §5.1 "r": the server MUST append its own nonce to the client's.
            throw new SaslException("SCRAM: the server's nonce does not extend the client's");
        }
        byte[] salt = base64(value(attributes[1], 's'), "salt");
        int iterations = iterations(value(attributes[2], 'i'));

        String clientFinalWithoutProof = CHANNEL_BINDING + ",r=" + nonce;
        byte[] authMessage = (clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalWithoutProof)
                .getBytes(StandardCharsets.UTF_8);

        byte[] saltedPassword = ScramClientProofs.saltedPassword(ScramAlgorithm.SHA_256,
                normalize(password).getBytes(StandardCharsets.UTF_8), salt, iterations);
        expectedServerSignature = ScramClientProofs.serverSignature(ScramAlgorithm.SHA_256, saltedPassword, authMessage);
        return clientFinalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(
                ScramClientProofs.clientProof(ScramAlgorithm.SHA_256, saltedPassword, authMessage));
    }

    /** True once {@link #clientFinalMessage(String)} has produced the client-final-message. */
    boolean clientFinalSent() {
        return expectedServerSignature != null;
    }

    /**
     * Checks the server-final-message: {@code v=} with the expected ServerSignature (RFC 5802 §3), compared in
     * constant time.
     *
     * @throws SaslException when the server reports an error ({@code e=}), the message is malformed, or the signature
     *                       differs: then the server does not know the password, and the client MUST NOT trust it
     */
    void verifyServerFinal(String serverFinalMessage) throws SaslException {
        if (expectedServerSignature == null) {
            throw new SaslException("SCRAM: server-final-message before the client-final-message");
        }
        // server-final-message = (server-error / verifier) ["," extensions]
        String first = serverFinalMessage.split(",", 2)[0];
        if (first.startsWith("e=")) {
            throw new SaslException("SCRAM: the server reports " + first.substring(2));
        }
        byte[] signature = base64(value(first, 'v'), "verifier");
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslException("SCRAM: the server's signature is wrong; it does not know the password");
        }
        serverVerified = true;
    }

    /** True once the server's signature has been verified. */
    boolean serverVerified() {
        return serverVerified;
    }

    private static String value(String attribute, char name) throws SaslException {
        if (attribute.length() < 2 || attribute.charAt(0) != name || attribute.charAt(1) != '=') {
            throw new SaslException("SCRAM: expected attribute '" + name + "' in the server's message");
        }
        return attribute.substring(2);
    }

    private static byte[] base64(String value, String what) throws SaslException {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new SaslException("SCRAM: the " + what + " is not base64", e);
        }
    }

    private static int iterations(String value) throws SaslException {
        if (!POSITIVE_NUMBER.matcher(value).matches()) {
            throw new SaslException("SCRAM: the iteration count is not a positive number");
        }
        int iterations = Integer.parseInt(value);
        if (iterations > MAX_ITERATIONS) {
            throw new SaslException("SCRAM: iteration count " + iterations + " is above " + MAX_ITERATIONS);
        }
        return iterations;
    }

    private static String normalize(String string) {
        return Normalizer.normalize(string, Normalizer.Form.NFKC);
    }
}
