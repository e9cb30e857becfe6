package dev.parley.server.tls;

/** TLS cannot be set up; the message says which file, domain or provider is at fault, for the person starting the server. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
