package dev.parley.xmpp.sasl;

/**
 * What a {@link SaslMechanism} wants next. The mechanism never does I/O: when it needs an account's credentials it
 * says so with {@link NeedCredentials}, and the caller looks them up asynchronously and calls
 * {@link SaslMechanism#credentials}.
 */
public sealed interface SaslStep {
    /** Send a {@code <challenge/>} with this data and wait for the client's {@code <response/>}. */
    record Challenge(byte[] data) implements SaslStep {
    }

    /**
     * Look up the credentials of this account (the SASLprep'd/PRECIS-normalised username, the localpart of the JID)
     * and pass them, or null when there is no such account, to {@link SaslMechanism#credentials}.
     */
    record NeedCredentials(String username) implements SaslStep {
    }

    /** Authenticated as {@code username}; send {@code <success/>} with {@code additionalData} (may be empty). */
    record Success(String username, byte[] additionalData) implements SaslStep {
    }

    /**
     * Authentication failed. {@code NOT_AUTHORIZED} is used for both a wrong password and an unknown account, so the
     * failure never tells whether an account exists.
     */
    record Failed(SaslFailure failure, String text) implements SaslStep {
    }
}
