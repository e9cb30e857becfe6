package dev.parley.conformance;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslException;

import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * SASL SCRAM-SHA-256 (RFC 7677) for Smack, which (as of 4.5.0-beta5) knows only SCRAM-SHA-1: the client side runs in
 * {@link ScramSha256Exchange}, without channel binding. Authentication succeeds only when the server's signature in
 * the server-final-message (RFC 5802 §3 ServerSignature, carried in the SASL success, RFC 6120 §6.3.10) checks out.
 *
 * <p>Smack keeps one global list of mechanisms: register an instance with
 * {@code SASLAuthentication.registerSASLMechanism}, and to make a connection use nothing else, enable only
 * {@link #NAME} in its configuration ({@code addEnabledSaslMechanism}). Its priority is above SCRAM-SHA-1's, so where
 * both are enabled and offered Smack takes this one.
 */
public final class ScramSha256Mechanism extends SASLMechanism {

    public static final String NAME = "SCRAM-SHA-256";
    /** Lower is preferred; Smack's SCRAM-SHA-1 has 110 and its (blacklisted) SCRAM-SHA-1-PLUS 100. */
    static final int PRIORITY = 105;

    private final Supplier<String> clientNonces;
    private ScramSha256Exchange exchange;

    public ScramSha256Mechanism() {
        this(ScramSha256Exchange::randomNonce);
    }

    /** With the client nonces taken from {@code clientNonces}, so a test can replay a known exchange. */
    ScramSha256Mechanism(Supplier<String> clientNonces) {
        this.clientNonces = clientNonces;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    protected void authenticateInternal(CallbackHandler callbackHandler) throws SmackSaslException {
        throw new SmackSaslException(NAME + " takes the password from the connection configuration, "
                + "not from a CallbackHandler");
    }

    @Override
    protected byte[] getAuthenticationText() {
        exchange = new ScramSha256Exchange(authenticationId, password, clientNonces.get());
        return exchange.clientFirstMessage().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The first challenge is the server-first-message, answered with the client-final-message; the next data is the
     * server-final-message, normally within the success element, which needs no answer.
     */
    @Override
    protected byte[] evaluateChallenge(byte[] challenge) throws SmackSaslException {
        if (exchange == null) {
            throw new SmackSaslException(NAME + ": a challenge before the initial response");
        }
        if (challenge == null) {
            // Smack's base64 decoder reports invalid input as null.
            throw new SmackSaslException(NAME + ": the server's SASL data is not base64");
        }
        String message = new String(challenge, StandardCharsets.UTF_8);
        try {
            if (!exchange.clientFinalSent()) {
                return exchange.clientFinalMessage(message).getBytes(StandardCharsets.UTF_8);
            }
            exchange.verifyServerFinal(message);
            return null;
        } catch (SaslException e) {
            throw new SmackSaslException(e);
        }
    }

    @Override
    protected void checkIfSuccessfulOrThrow() throws SmackSaslException {
        if (exchange == null || !exchange.serverVerified()) {
            // RFC 5802 §3: without the matching ServerSignature the client MUST consider the exchange unsuccessful.
            throw new SmackSaslException(NAME + ": the server reported success without a valid server signature");
        }
    }

    @Override
    protected SASLMechanism newInstance() {
        return new ScramSha256Mechanism(clientNonces);
    }
}
