package dev.parley.server.tls;

import dev.parley.server.config.CertificateFiles;
import dev.parley.server.config.ParleyConfig;
import dev.parley.xmpp.sasl.ChannelBinding;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.Mapping;
import java.net.IDN;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS: one {@link SslContext} per certificate, chosen per connection by SNI (RFC 6066 §3) through
 * {@link #sniMapping()} for Netty's {@code SniHandler}, for STARTTLS (RFC 6120 §5) and direct TLS (XEP-0368) alike.
 * Certificates come from {@code tls.certificates}, or else from a generated self-signed one (see
 * {@link SelfSignedCertificate}); every hosted domain must be covered by one (RFC 6120 §13.7.1.2). Also reads the
 * channel bindings (RFC 5929, RFC 9266) of a finished handshake for SCRAM-PLUS.
 */
public final class ServerTls {
    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

    private final Map<String, SslContext> byDomain;
    private final List<Map.Entry<CertificateNames, SslContext>> byCertificate;
    private final SslContext defaultContext;
    private final SslProvider provider;

    private ServerTls(Map<String, SslContext> byDomain, List<Map.Entry<CertificateNames, SslContext>> byCertificate,
                      SslContext defaultContext, SslProvider provider) {
        this.byDomain = Map.copyOf(byDomain);
        this.byCertificate = List.copyOf(byCertificate);
        this.defaultContext = defaultContext;
        this.provider = provider;
    }

    /**
     * Loads or generates the certificates and builds the contexts. Blocking file I/O: call at start, not on an event
     * loop.
     */
    public static ServerTls create(ParleyConfig config) throws TlsSetupException {
        return create(config, Clock.systemUTC());
    }

    static ServerTls create(ParleyConfig config, Clock clock) throws TlsSetupException {
        SslProvider provider = TlsContexts.provider(config.tls().provider());
        List<Credential> credentials = new ArrayList<>();
        if (config.tls().certificates().isEmpty()) {
            credentials.add(SelfSignedCertificate.ensure(config.dataDir().resolve("certs"), config.domains(), clock));
        } else {
            for (CertificateFiles files : config.tls().certificates()) {
                credentials.add(PemFiles.read(files.certificate(), files.privateKey()));
            }
        }
        Map<Credential, SslContext> contexts = new IdentityHashMap<>();
        List<Map.Entry<CertificateNames, SslContext>> byCertificate = new ArrayList<>();
        for (Credential credential : credentials) {
            SslContext context = TlsContexts.build(credential, config.tls().protocols(), provider);
            contexts.put(credential, context);
            byCertificate.add(Map.entry(credential.names(), context));
        }
        Map<String, SslContext> byDomain = new LinkedHashMap<>();
        for (String domain : config.domains()) {
            String ascii = ascii(domain);
            Credential covering = credentials.stream().filter(c -> c.names().covers(ascii)).findFirst()
                    .orElseThrow(() -> noCertificateFor(domain, credentials));
            byDomain.put(ascii, contexts.get(covering));
            log.info("TLS for {}: certificate from {}", domain, covering.origin());
        }
        log.info("TLS provider: {}, protocols {}", TlsContexts.describe(provider), config.tls().protocols());
        return new ServerTls(byDomain, byCertificate, byDomain.get(ascii(config.defaultDomain())), provider);
    }

    private static TlsSetupException noCertificateFor(String domain, List<Credential> credentials) {
        StringBuilder message = new StringBuilder("no certificate in tls.certificates covers the domain '")
                .append(domain).append("'; the certificates name:");
        for (Credential credential : credentials) {
            message.append("\n  ").append(credential.origin()).append(": ").append(credential.names());
        }
        return new TlsSetupException(message.toString());
    }

    /**
     * The context for a server name as sent in SNI: the hosted domain's, else that of a certificate naming it (a
     * subdomain under a wildcard, say), else the default domain's. Null, unknown or malformed names get the default.
     */
    public SslContext contextFor(String domain) {
        if (domain == null) {
            return defaultContext;
        }
        String ascii;
        try {
            ascii = ascii(domain);
        } catch (IllegalArgumentException e) {
            return defaultContext;
        }
        SslContext hosted = byDomain.get(ascii);
        if (hosted != null) {
            return hosted;
        }
        for (Map.Entry<CertificateNames, SslContext> entry : byCertificate) {
            if (entry.getKey().covers(ascii)) {
                return entry.getValue();
            }
        }
        return defaultContext;
    }

    /** For {@code new SniHandler(serverTls.sniMapping())}; never blocks. */
    public Mapping<String, SslContext> sniMapping() {
        return this::contextFor;
    }

    /** Whether connections use netty-tcnative's BoringSSL (else the JDK's TLS). */
    public boolean usesOpenSsl() {
        return provider == SslProvider.OPENSSL;
    }

    /**
     * The channel bindings of a server-side engine whose handshake has finished, by type
     * ({@link ChannelBinding#TLS_SERVER_END_POINT}, {@link ChannelBinding#TLS_EXPORTER}); only those that can be
     * computed for this connection are present. Call once per handshake, when it completes, and keep the result: with
     * OpenSSL the {@code tls-exporter} value is handed out only once.
     */
    public static Map<String, ChannelBinding> channelBindings(SSLEngine engine) {
        return TlsChannelBindings.of(engine);
    }

    private static String ascii(String domain) {
        String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        return IDN.toASCII(name).toLowerCase(Locale.ROOT);
    }
}
