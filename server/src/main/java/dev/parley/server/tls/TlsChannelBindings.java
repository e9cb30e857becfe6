package dev.parley.server.tls;

import dev.parley.xmpp.sasl.ChannelBinding;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * The channel bindings a finished server-side handshake offers: {@code tls-server-end-point} (RFC 5929 §4) whenever
 * the certificate's signature algorithm defines one, and {@code tls-exporter} (RFC 9266: label
 * "EXPORTER-Channel-Binding", empty context, 32 bytes) on TLS 1.3 connections whose engine can export keying material.
 * RFC 9266 §3 defines {@code tls-exporter} for TLS 1.3 only, so TLS 1.2 connections never get it.
 */
final class TlsChannelBindings {
    static final String EXPORTER_LABEL = "EXPORTER-Channel-Binding";
    static final int EXPORTER_LENGTH = 32;

    private TlsChannelBindings() {
    }

    static Map<String, ChannelBinding> of(SSLEngine engine) {
        SSLSession session = engine.getSession();
        Map<String, ChannelBinding> bindings = new LinkedHashMap<>();
        Certificate[] local = session.getLocalCertificates();
        if (local != null && local.length > 0 && local[0] instanceof X509Certificate leaf) {
            ServerEndPoint.of(leaf).ifPresent(data -> bindings.put(ChannelBinding.TLS_SERVER_END_POINT,
                    new ChannelBinding(ChannelBinding.TLS_SERVER_END_POINT, data)));
        }
        if ("TLSv1.3".equals(session.getProtocol())) {
            Optional<byte[]> exporter = engine instanceof ReferenceCountedOpenSslEngine openSsl
                    ? OpenSslExporter.take(openSsl)
                    : JdkExporter.export(session, EXPORTER_LABEL, new byte[0], EXPORTER_LENGTH);
            exporter.ifPresent(data -> bindings.put(ChannelBinding.TLS_EXPORTER,
                    new ChannelBinding(ChannelBinding.TLS_EXPORTER, data)));
        }
        return Collections.unmodifiableMap(bindings);
    }
}
