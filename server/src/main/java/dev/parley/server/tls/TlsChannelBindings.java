package dev.parley.server.tls;

import dev.parley.xmpp.sasl.ChannelBinding;
import dev.parley.xmpp.sasl.ChannelBindings;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * The channel bindings a finished server-side handshake offers: {@code tls-server-end-point} (RFC 5929 §4.1) whenever
 * {@link ChannelBindings#tlsServerEndPoint} defines one for the certificate, and {@code tls-exporter} (RFC 9266 §2) on
 * TLS 1.3 connections whose engine exports keying material, which today means the JDK's engine on Java 25 or later.
 * Netty's BoringSSL engine exposes no keying-material exporter, so its connections offer only
 * {@code tls-server-end-point} (see {@code docs/decisions/0002-channel-binding.md}). RFC 9266 permits
 * {@code tls-exporter} on TLS 1.2 only when the extended master secret (RFC 7627) was negotiated, which the JDK does not
 * report on a session, so TLS 1.2 connections never get it.
 */
final class TlsChannelBindings {
    private TlsChannelBindings() {
    }

    static Map<String, ChannelBinding> of(SSLEngine engine) {
        SSLSession session = engine.getSession();
        Map<String, ChannelBinding> bindings = new LinkedHashMap<>();
        Certificate[] local = session.getLocalCertificates();
        if (local != null && local.length > 0 && local[0] instanceof X509Certificate leaf) {
            ChannelBindings.tlsServerEndPoint(leaf).ifPresent(binding -> bindings.put(binding.type(), binding));
        }
        if ("TLSv1.3".equals(session.getProtocol())) {
            JdkExporter.export(session, ChannelBindings.TLS_EXPORTER_LABEL, new byte[0],
                            ChannelBindings.TLS_EXPORTER_LENGTH)
                    .map(ChannelBindings::tlsExporter)
                    .ifPresent(binding -> bindings.put(binding.type(), binding));
        }
        return Collections.unmodifiableMap(bindings);
    }

    /** The binding types connections through this provider can get, for the start-up log. */
    static List<String> offered(SslProvider provider) {
        return provider == SslProvider.JDK && JdkExporter.available()
                ? List.of(ChannelBinding.TLS_SERVER_END_POINT, ChannelBinding.TLS_EXPORTER + " (TLS 1.3)")
                : List.of(ChannelBinding.TLS_SERVER_END_POINT);
    }
}
