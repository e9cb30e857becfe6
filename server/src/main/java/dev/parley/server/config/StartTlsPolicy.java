package dev.parley.server.config;

/** Whether STARTTLS (RFC 6120 §5) is mandatory-to-negotiate on the c2s listener. */
public enum StartTlsPolicy {
    /** Offered with {@code <required/>}; nothing but STARTTLS is accepted before it (RFC 6120 §5.3.1). */
    REQUIRED,
    /** Offered, but clients may go on without it. */
    OPTIONAL
}
