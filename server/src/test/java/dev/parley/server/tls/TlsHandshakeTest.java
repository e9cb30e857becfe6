package dev.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.xmpp.sasl.ChannelBinding;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real handshakes between a server engine from {@link ServerTls} (BoringSSL or the JDK's) and a JDK client engine, which
 * computes the channel bindings on its own side: the certificate hash from the peer certificate (RFC 5929 §4.1) and
 * tls-exporter through the JDK's exporter API (RFC 9266, Java 25+).
 */
class TlsHandshakeTest {
    private static final boolean JDK_EXPORTS = Runtime.version().feature() >= 25;
    /** How BoringSSL and SunJSSE servers say that no offered version is acceptable (not, say, that no cipher is). */
    private static final String REFUSED_VERSION = "UNSUPPORTED_PROTOCOL|\\(protocol_version\\)";

    @TempDir
    Path dataDir;

    private ServerTls serverTls(String provider, String protocols) throws Exception {
        ParleyConfig config = ConfigLoader.parse("domains: [example.com]\ntls: {provider: " + provider + ", protocols: "
                + protocols + "}", "test", dataDir);
        return ServerTls.create(config);
    }

    private static SSLEngine serverEngine(ServerTls tls) {
        return tls.contextFor("example.com").newEngine(ByteBufAllocator.DEFAULT);
    }

    private static SSLEngine jdkClient(String... protocols) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
        SSLEngine client = context.createSSLEngine("example.com", 5223);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setProtocols(protocols);
        parameters.setApplicationProtocols(new String[] {"xmpp-client"});
        client.setSSLParameters(parameters);
        return client;
    }

    /** The client's own view of tls-exporter, through Java 25's ExtendedSSLSession.exportKeyingMaterialData. */
    private static byte[] clientExporter(SSLEngine client) throws Exception {
        Method export = ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class, byte[].class,
                int.class);
        return (byte[]) export.invoke(client.getSession(), "EXPORTER-Channel-Binding", new byte[0], 32);
    }

    private static byte[] sha256(X509Certificate certificate) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    }

    /** Each TLS 1.3 suite: the exporter's hash is SHA-384 for AES-256-GCM and SHA-256 for the others. */
    @ParameterizedTest
    @CsvSource({"openssl, TLS_AES_128_GCM_SHA256", "openssl, TLS_AES_256_GCM_SHA384",
            "openssl, TLS_CHACHA20_POLY1305_SHA256", "jdk, TLS_AES_128_GCM_SHA256", "jdk, TLS_AES_256_GCM_SHA384"})
    void tls13BindingsMatchTheClientsView(String provider, String cipherSuite) throws Exception {
        ServerTls tls = serverTls(provider, "[TLSv1.3, TLSv1.2]");
        assertThat(tls.usesOpenSsl()).isEqualTo(provider.equals("openssl"));
        SSLEngine server = serverEngine(tls);
        SSLEngine client = jdkClient("TLSv1.3");
        client.setEnabledCipherSuites(new String[] {cipherSuite});

        EnginePump.handshake(client, server);
        Map<String, ChannelBinding> bindings = ServerTls.channelBindings(server);

        assertThat(server.getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(server.getSession().getCipherSuite()).isEqualTo(cipherSuite);
        assertThat(client.getApplicationProtocol()).isEqualTo("xmpp-client");
        X509Certificate serverCertificate = (X509Certificate) client.getSession().getPeerCertificates()[0];
        assertThat(bindings.get(ChannelBinding.TLS_SERVER_END_POINT).data()).isEqualTo(sha256(serverCertificate));
        boolean serverExports = provider.equals("openssl") || JDK_EXPORTS;
        assertThat(bindings.containsKey(ChannelBinding.TLS_EXPORTER)).isEqualTo(serverExports);
        if (serverExports && JDK_EXPORTS) {
            assertThat(bindings.get(ChannelBinding.TLS_EXPORTER).data()).hasSize(32).isEqualTo(clientExporter(client));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void tls12HasNoExporterBinding(String provider) throws Exception {
        SSLEngine server = serverEngine(serverTls(provider, "[TLSv1.3, TLSv1.2]"));
        SSLEngine client = jdkClient("TLSv1.2");

        EnginePump.handshake(client, server);
        Map<String, ChannelBinding> bindings = ServerTls.channelBindings(server);

        assertThat(server.getSession().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(bindings.keySet()).containsExactly(ChannelBinding.TLS_SERVER_END_POINT);
        assertThat(bindings.get(ChannelBinding.TLS_SERVER_END_POINT).data())
                .isEqualTo(sha256((X509Certificate) client.getSession().getPeerCertificates()[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void tls11IsRefused(String provider) throws Exception {
        ServerTls tls = serverTls(provider, "[TLSv1.3, TLSv1.2]");
        // Netty's OpenSSL engine always lists the "SSLv2Hello" pseudo-protocol; BoringSSL accepts no SSLv2 hello.
        assertThat(serverEngine(tls).getEnabledProtocols()).filteredOn(protocol -> !protocol.equals("SSLv2Hello"))
                .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        // BoringSSL still speaks TLS 1.1 as a client (the JDK has it disabled outright), so it can offer only that.
        SslContext oldClient = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.1")
                .ciphers(List.of("ECDHE-ECDSA-AES128-SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA")).build();
        SSLEngine client = oldClient.newEngine(ByteBufAllocator.DEFAULT, "example.com", 5222);
        assertThat(client.getEnabledProtocols()).filteredOn(protocol -> !protocol.equals("SSLv2Hello"))
                .containsExactly("TLSv1.1");

        assertThatThrownBy(() -> EnginePump.handshake(client, serverEngine(tls)))
                .hasMessageFindingMatch(REFUSED_VERSION);
        release(client);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void onlyTheConfiguredVersionsAreOffered(String provider) throws Exception {
        ServerTls tls = serverTls(provider, "[TLSv1.3]");
        assertThatThrownBy(() -> EnginePump.handshake(jdkClient("TLSv1.2"), serverEngine(tls)))
                .hasMessageFindingMatch(REFUSED_VERSION);
        SSLEngine server = serverEngine(tls);
        EnginePump.handshake(jdkClient("TLSv1.3", "TLSv1.2"), server);
        assertThat(server.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA384withRSA", "SHA1withRSA"})
    void serverEndPointHashFollowsTheSignatureAlgorithm(String signature) throws Exception {
        KeyPair keys = TestPki.rsa();
        X509Certificate certificate = TestPki.certificate("example.com", keys, "example.com", keys, signature, false,
                List.of(TestPki.dns("example.com")));
        String expectedHash = signature.startsWith("SHA384") ? "SHA-384" : "SHA-256"; // RFC 5929 §4.1: SHA-1 -> SHA-256
        Path cert = TestPki.write(dataDir, "rsa.crt", TestPki.pem(certificate));
        Path key = TestPki.write(dataDir, "rsa.key", TestPki.pkcs8(keys));
        ServerTls tls = ServerTls.create(ConfigLoader.parse("domains: [example.com]\ntls: {provider: jdk, certificates: "
                + "[{certificate: " + cert + ", private-key: " + key + "}]}", "test", dataDir));
        SSLEngine server = serverEngine(tls);
        EnginePump.handshake(jdkClient("TLSv1.3"), server);

        assertThat(ServerTls.channelBindings(server).get(ChannelBinding.TLS_SERVER_END_POINT).data())
                .isEqualTo(MessageDigest.getInstance(expectedHash).digest(certificate.getEncoded()));
    }

    @Test
    void openSslExporterIsHandedOutOnceAndNotKept() throws Exception {
        ServerTls tls = serverTls("openssl", "[TLSv1.3]");
        int before = OpenSslExporter.unclaimed();
        SSLEngine server = serverEngine(tls);
        EnginePump.handshake(jdkClient("TLSv1.3"), server);
        assertThat(server).isInstanceOf(ReferenceCountedOpenSslEngine.class);
        assertThat(OpenSslExporter.unclaimed()).isEqualTo(before + 1);

        assertThat(ServerTls.channelBindings(server)).containsKey(ChannelBinding.TLS_EXPORTER);
        assertThat(OpenSslExporter.unclaimed()).isEqualTo(before);
        assertThat(ServerTls.channelBindings(server)).doesNotContainKey(ChannelBinding.TLS_EXPORTER);
        release(server);
    }

    @Test
    void keyLogLinesOtherThanTheExporterSecretAreDroppedAndWiped() {
        int before = OpenSslExporter.unclaimed();
        byte[] traffic = ("CLIENT_TRAFFIC_SECRET_0 " + "ab".repeat(32) + " " + "cd".repeat(32))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] malformed = ("EXPORTER_SECRET " + "ab".repeat(32) + " xyz").getBytes(StandardCharsets.US_ASCII);
        OpenSslExporter.onKeyLogLine(traffic);
        OpenSslExporter.onKeyLogLine(malformed);
        assertThat(OpenSslExporter.unclaimed()).isEqualTo(before);
        assertThat(traffic).containsOnly((byte) 0);
        assertThat(malformed).containsOnly((byte) 0);
    }

    private static void release(SSLEngine engine) {
        if (engine instanceof ReferenceCountedOpenSslEngine openSsl) {
            openSsl.release();
        }
    }
}
