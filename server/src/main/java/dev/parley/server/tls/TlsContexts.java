package dev.parley.server.tls;

import dev.parley.server.config.TlsProvider;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.List;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds server {@link SslContext}s: the configured TLS versions only, no client certificates, and ALPN offering
 * {@code xmpp-client} (XEP-0368 §3) without failing handshakes of clients that send no ALPN or other protocols.
 */
final class TlsContexts {
    static final String ALPN_XMPP_CLIENT = "xmpp-client";
    private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {
    }

    /** The Netty provider for the configured choice; AUTO prefers OpenSSL when netty-tcnative loads here. */
    static SslProvider provider(TlsProvider configured) throws TlsSetupException {
        return switch (configured) {
            case JDK -> SslProvider.JDK;
            case OPENSSL -> {
                if (!OpenSsl.isAvailable()) {
                    throw new TlsSetupException("tls.provider is openssl, but netty-tcnative cannot be loaded on this "
                            + "platform: " + OpenSsl.unavailabilityCause() + "; use provider auto or jdk");
                }
                yield SslProvider.OPENSSL;
            }
            case AUTO -> OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        };
    }

    static String describe(SslProvider provider) {
        return provider == SslProvider.OPENSSL ? "OpenSSL (" + OpenSsl.versionString() + ")"
                : "JDK (" + System.getProperty("java.vendor") + " " + Runtime.version() + ")";
    }

    static SslContext build(Credential credential, List<String> protocols, SslProvider provider)
            throws TlsSetupException {
        try {
            SslContext context = SslContextBuilder.forServer(credential.key(), credential.chain())
                    .sslProvider(provider)
                    .protocols(protocols)
                    .clientAuth(ClientAuth.NONE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                            SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                            ALPN_XMPP_CLIENT))
                    .build();
            if (provider == SslProvider.OPENSSL && protocols.contains("TLSv1.3") && !OpenSslExporter.install(context)) {
                log.warn("tls-exporter channel binding is unavailable for {}", credential.origin());
            }
            return context;
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsSetupException("cannot set up TLS with the certificate from " + credential.origin() + ": "
                    + e.getMessage(), e);
        }
    }
}
