package dev.parley.xmpp.sasl;

/**
 * The client's side of the SCRAM computations of RFC 5802 §3, for clients written on top of this library (the load tool,
 * test clients): from the salted password they derive the ClientProof to send and the ServerSignature to expect.
 * Message parsing and nonce handling stay with each client, which knows its own transport and failure reporting.
 */
public final class ScramClientProofs {
    private ScramClientProofs() {
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i); {@code password} is the normalised password in UTF-8. */
    public static byte[] saltedPassword(ScramAlgorithm algorithm, byte[] password, byte[] salt, int iterations) {
        return ScramCrypto.hi(algorithm, password, salt, iterations);
    }

    /** ClientProof := ClientKey XOR HMAC(StoredKey, AuthMessage). */
    public static byte[] clientProof(ScramAlgorithm algorithm, byte[] saltedPassword, byte[] authMessage) {
        byte[] clientKey = ScramCrypto.clientKey(algorithm, saltedPassword);
        byte[] storedKey = ScramCrypto.hash(algorithm, clientKey);
        return ScramCrypto.xor(clientKey, ScramCrypto.hmac(algorithm, storedKey, authMessage));
    }

    /** ServerSignature := HMAC(ServerKey, AuthMessage), what the server-final-message's {@code v=} must carry. */
    public static byte[] serverSignature(ScramAlgorithm algorithm, byte[] saltedPassword, byte[] authMessage) {
        return ScramCrypto.hmac(algorithm, ScramCrypto.serverKey(algorithm, saltedPassword), authMessage);
    }
}
