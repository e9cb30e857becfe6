package dev.parley.xmpp.sasl;

/**
 * The server side of one SASL exchange (RFC 4422), as a pure state machine: no I/O, no threads, one instance per
 * authentication attempt. Data in and out is raw (not base64); the stream layer does the XMPP framing.
 */
public interface SaslMechanism {
    /** The IANA name, e.g. {@code SCRAM-SHA-256-PLUS}. */
    String name();

    /**
     * The client's initial response ({@code <auth/>} content; empty array for "=", null when the client sent none)
     * or a later {@code <response/>}.
     */
    SaslStep evaluate(byte[] response);

    /** Continues after {@link SaslStep.NeedCredentials}; {@code credential} is null for an unknown or disabled account. */
    SaslStep credentials(StoredCredential credential);
}
