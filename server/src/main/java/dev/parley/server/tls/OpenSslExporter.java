package dev.parley.server.tls;

import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tls-exporter} channel binding (RFC 9266) for connections served by netty-tcnative's BoringSSL.
 * <p>
 * Netty 4.2.18 with tcnative 2.0.84 binds no keying-material exporter ({@code SSL_export_keying_material}), but it
 * does bind BoringSSL's key-log callback ({@code SSLContext.setKeyLogCallback}), which receives every TLS 1.3
 * handshake's exporter master secret as the NSS key-log line {@code EXPORTER_SECRET <client random> <secret>}. The
 * callback computes the binding from it at once (RFC 8446 §7.5) and keeps only that 32-byte value, keyed by the
 * client random, until {@link #take} claims it; the secret and every other line (traffic secrets) are dropped on the
 * spot and never logged. Values nobody claims expire after {@link #UNCLAIMED_NANOS}, and at most
 * {@link #MAX_UNCLAIMED} are kept, so connections that never ask cannot grow memory.
 * <p>
 * The callback is registered on tcnative's context handle, which Netty keeps in the protected field
 * {@code ReferenceCountedOpenSslContext.ctx} (its public {@code sslCtxPointer()} is the raw {@code SSL_CTX*}, which
 * tcnative's {@code SSLContext} functions do not take). That field and tcnative's classes are internal Netty API, and
 * tcnative is only on the runtime class path, so all of it is reached reflectively: if a Netty release changes any of
 * it, OpenSSL connections simply offer no {@code tls-exporter}, and a warning says so.
 */
final class OpenSslExporter {
    private static final Logger log = LoggerFactory.getLogger(OpenSslExporter.class);
    private static final byte[] LINE_PREFIX = "EXPORTER_SECRET ".getBytes(StandardCharsets.US_ASCII);
    private static final long UNCLAIMED_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int MAX_UNCLAIMED = 65_536;
    private static final HexFormat HEX = HexFormat.of();

    private record Unclaimed(byte[] binding, long capturedAt) {
    }

    /** Process-wide because key-log callbacks are, and because channel bindings are looked up from an engine alone. */
    private static final Map<String, Unclaimed> UNCLAIMED = new LinkedHashMap<>();

    private static final class TcNative {
        static final Field CONTEXT_HANDLE;
        static final Method SET_KEY_LOG_CALLBACK;
        static final Method GET_CLIENT_RANDOM;
        static final Object CALLBACK;

        static {
            Field contextHandle = null;
            Method setCallback = null;
            Method clientRandom = null;
            Object callback = null;
            try {
                contextHandle = ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
                contextHandle.setAccessible(true);
                ClassLoader loader = ReferenceCountedOpenSslContext.class.getClassLoader();
                Class<?> callbackType = Class.forName("io.netty.internal.tcnative.KeyLogCallback", true, loader);
                setCallback = Class.forName("io.netty.internal.tcnative.SSLContext", true, loader)
                        .getMethod("setKeyLogCallback", long.class, callbackType);
                clientRandom = Class.forName("io.netty.internal.tcnative.SSL", true, loader)
                        .getMethod("getClientRandom", long.class);
                callback = Proxy.newProxyInstance(loader, new Class<?>[] {callbackType}, keyLogHandler());
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                callback = null;
                log.warn("netty-tcnative offers no key-log callback ({}); OpenSSL connections get no tls-exporter "
                        + "channel binding", e.toString());
            }
            CONTEXT_HANDLE = contextHandle;
            SET_KEY_LOG_CALLBACK = setCallback;
            GET_CLIENT_RANDOM = clientRandom;
            CALLBACK = callback;
        }
    }

    private OpenSslExporter() {
    }

    /** Hooks the callback into a new OpenSSL context, before it serves connections; false when this tcnative cannot. */
    static boolean install(SslContext context) {
        if (!(context instanceof ReferenceCountedOpenSslContext openSsl) || TcNative.CALLBACK == null) {
            return false;
        }
        try {
            long handle = TcNative.CONTEXT_HANDLE.getLong(openSsl);
            return handle != 0 && (Boolean) TcNative.SET_KEY_LOG_CALLBACK.invoke(null, handle, TcNative.CALLBACK);
        } catch (ReflectiveOperationException e) {
            log.warn("cannot install the key-log callback; OpenSSL connections get no tls-exporter", e);
            return false;
        }
    }

    /** The binding computed during this engine's TLS 1.3 handshake, handed out once. */
    static Optional<byte[]> take(ReferenceCountedOpenSslEngine engine) {
        if (TcNative.GET_CLIENT_RANDOM == null) {
            return Optional.empty();
        }
        byte[] clientRandom;
        // Holding the engine's lock keeps it from being shut down (and its SSL* freed) between the two calls.
        synchronized (engine) {
            long ssl = engine.sslPointer();
            if (ssl == 0) {
                return Optional.empty();
            }
            try {
                clientRandom = (byte[]) TcNative.GET_CLIENT_RANDOM.invoke(null, ssl);
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        }
        synchronized (UNCLAIMED) {
            Unclaimed unclaimed = UNCLAIMED.remove(HEX.formatHex(clientRandom));
            return Optional.ofNullable(unclaimed).map(Unclaimed::binding);
        }
    }

    private static InvocationHandler keyLogHandler() {
        return (proxy, method, args) -> switch (method.getName()) {
            case "handle" -> {
                onKeyLogLine((byte[]) args[1]);
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "Parley tls-exporter key-log callback";
        };
    }

    /**
     * Runs inside the handshake, on the thread driving it, so it must not throw into native code. The line is parsed
     * as bytes and wiped afterwards so that no secret outlives this call in a String.
     */
    static void onKeyLogLine(byte[] line) {
        try {
            if (!startsWith(line, LINE_PREFIX)) {
                return;
            }
            int randomStart = LINE_PREFIX.length;
            int space = indexOf(line, (byte) ' ', randomStart);
            if (space < 0) {
                return;
            }
            int secretEnd = line.length;
            while (secretEnd > space + 1 && (line[secretEnd - 1] == '\n' || line[secretEnd - 1] == '\r')) {
                secretEnd--;
            }
            byte[] secret = parseHex(line, space + 1, secretEnd);
            // The secret is as long as the cipher suite's hash: TLS 1.3 suites use SHA-256 or SHA-384.
            String digest = secret.length == 48 ? "SHA-384" : "SHA-256";
            byte[] binding = Tls13Exporter.export(digest, secret, TlsChannelBindings.EXPORTER_LABEL, new byte[0],
                    TlsChannelBindings.EXPORTER_LENGTH);
            Arrays.fill(secret, (byte) 0);
            String clientRandom = new String(line, randomStart, space - randomStart, StandardCharsets.US_ASCII);
            remember(clientRandom.toLowerCase(Locale.ROOT), binding);
        } catch (RuntimeException e) {
            log.debug("ignoring a key-log line that could not be used: {}", e.toString());
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        return line.length > prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] line, byte wanted, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] parseHex(byte[] text, int from, int to) {
        if ((to - from) % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] bytes = new byte[(to - from) / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (HexFormat.fromHexDigit(text[from + 2 * i]) << 4 | HexFormat.fromHexDigit(text[from + 2 * i + 1]));
        }
        return bytes;
    }

    private static void remember(String clientRandom, byte[] binding) {
        long now = System.nanoTime();
        synchronized (UNCLAIMED) {
            Iterator<Unclaimed> oldestFirst = UNCLAIMED.values().iterator();
            while (oldestFirst.hasNext()) {
                Unclaimed oldest = oldestFirst.next();
                if (now - oldest.capturedAt() < UNCLAIMED_NANOS && UNCLAIMED.size() < MAX_UNCLAIMED) {
                    break;
                }
                oldestFirst.remove();
            }
            UNCLAIMED.put(clientRandom, new Unclaimed(binding, now));
        }
    }

    /** How many bindings wait to be claimed, for tests. */
    static int unclaimed() {
        synchronized (UNCLAIMED) {
            return UNCLAIMED.size();
        }
    }
}
