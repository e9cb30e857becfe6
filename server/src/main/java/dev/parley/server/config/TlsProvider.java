package dev.parley.server.config;

/** Which TLS engine serves connections. */
public enum TlsProvider {
    /** OpenSSL when netty-tcnative loads on this platform, otherwise the JDK's. */
    AUTO,
    /** BoringSSL through netty-tcnative; starting fails when it cannot be loaded. */
    OPENSSL,
    /** The JDK's SunJSSE. */
    JDK
}
