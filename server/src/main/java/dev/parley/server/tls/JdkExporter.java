package dev.parley.server.tls;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSession;

/**
 * Keying material from the JDK's own TLS engine. {@code ExtendedSSLSession.exportKeyingMaterialData} (RFC 5705 / RFC
 * 8446 §7.5 exporters) exists from Java 25; Parley compiles for Java 21, so it is looked up reflectively and is simply
 * absent on older runtimes.
 */
final class JdkExporter {
    private static final Method EXPORT = lookUp();

    private JdkExporter() {
    }

    private static Method lookUp() {
        try {
            return ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class, byte[].class, int.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static Optional<byte[]> export(SSLSession session, String label, byte[] context, int length) {
        if (EXPORT == null || !(session instanceof ExtendedSSLSession extended)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((byte[]) EXPORT.invoke(extended, label, context, length));
        } catch (InvocationTargetException e) {
            // UnsupportedOperationException (an engine without exporters) or SSLKeyException: no binding
            return Optional.empty();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public JDK method not accessible", e);
        }
    }
}
