package dev.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.xmpp.sasl.ChannelBinding;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerTlsTest {
    @TempDir
    Path dir;

    private X509Certificate certA;
    private X509Certificate certB;
    private String certificates;

    /** a.example has a plain DNS-ID; b.example is named by XmppAddr, its subdomains by a wildcard. */
    @BeforeEach
    void writeCertificates() throws Exception {
        KeyPair keysA = TestPki.ec();
        KeyPair keysB = TestPki.rsa();
        certA = TestPki.selfSigned("a.example", keysA, TestPki.dns("a.example"));
        certB = TestPki.selfSigned("b.example", keysB, TestPki.xmppAddr("b.example"), TestPki.dns("*.b.example"));
        TestPki.write(dir, "a.crt", TestPki.pem(certA));
        TestPki.write(dir, "a.key", TestPki.sec1(keysA));
        TestPki.write(dir, "b.crt", TestPki.pem(certB));
        TestPki.write(dir, "b.key", TestPki.pem(keysB.getPrivate()));
        certificates = "[{certificate: a.crt, private-key: a.key}, {certificate: b.crt, private-key: b.key}]";
    }

    private ParleyConfig config(String yaml) throws Exception {
        return ConfigLoader.parse(yaml, "test.yaml", dir);
    }

    @Test
    void picksTheCertificateBySniAndFallsBackToTheDefaultDomain() throws Exception {
        ServerTls tls = ServerTls.create(config("domains: [a.example, b.example]\ntls: {certificates: "
                + certificates + "}"));
        assertThat(tls.contextFor("b.example")).isNotSameAs(tls.contextFor("a.example"));
        assertThat(tls.contextFor("B.Example.")).isSameAs(tls.contextFor("b.example"));
        assertThat(tls.contextFor("conference.b.example")).as("wildcard").isSameAs(tls.contextFor("b.example"));
        assertThat(tls.contextFor("unknown.example")).isSameAs(tls.contextFor("a.example"));
        assertThat(tls.contextFor(null)).isSameAs(tls.contextFor("a.example"));
        assertThat(tls.contextFor("bad..name")).isSameAs(tls.contextFor("a.example"));
        assertThat(tls.sniMapping().map("b.example")).isSameAs(tls.contextFor("b.example"));
    }

    @Test
    void everyDomainNeedsACertificate() throws Exception {
        ParleyConfig config = config("domains: [a.example, c.example]\ntls: {certificates: " + certificates + "}");
        assertThatThrownBy(() -> ServerTls.create(config)).isInstanceOf(TlsSetupException.class)
                .hasMessageStartingWith("no certificate in tls.certificates covers the domain 'c.example'")
                .hasMessageContaining(dir.resolve("a.crt") + ": [a.example]")
                .hasMessageContaining(dir.resolve("b.crt") + ": [*.b.example, b.example]");
    }

    @Test
    void generatesASelfSignedCertificateWhenNoneIsConfigured() throws Exception {
        ServerTls tls = ServerTls.create(config("domains: [a.example, b.example]"));
        assertThat(dir.resolve("data/certs/self-signed.crt")).exists();
        assertThat(tls.contextFor("b.example")).isSameAs(tls.contextFor("a.example"));
    }

    @Test
    void refusesFilesThatDoNotFit() throws Exception {
        ParleyConfig swapped = config("domains: [a.example]\ntls: {certificates: "
                + "[{certificate: a.crt, private-key: b.key}]}");
        assertThatThrownBy(() -> ServerTls.create(swapped)).hasMessageContaining("does not belong");
    }

    /** The path a c2s connection takes: SniHandler picks the context, and bindings are read once the handshake is done. */
    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void servesTheRightCertificateOverARealConnection(String provider) throws Exception {
        ServerTls tls = ServerTls.create(config("domains: [a.example, b.example]\ntls: {provider: " + provider
                + ", certificates: " + certificates + "}"));
        CompletableFuture<Map<String, ChannelBinding>> serverBindings = new CompletableFuture<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new SniHandler(tls.sniMapping()), new BindingsReader(serverBindings));
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();

            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), new SecureRandom());
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName("chat.b.example")));
                parameters.setApplicationProtocols(new String[] {"xmpp-client"});
                socket.setSSLParameters(parameters);
                socket.startHandshake();

                assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(certB);
                assertThat(socket.getApplicationProtocol()).isEqualTo("xmpp-client");
                Map<String, ChannelBinding> bindings = serverBindings.get(10, TimeUnit.SECONDS);
                // certB is signed with SHA256withRSA, so RFC 5929 hashes it with SHA-256
                assertThat(bindings.get(ChannelBinding.TLS_SERVER_END_POINT).data())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(certB.getEncoded()));
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** Reads the bindings the way the stream layer will: on the handshake-completion event. */
    private static final class BindingsReader extends ChannelInboundHandlerAdapter {
        private final CompletableFuture<Map<String, ChannelBinding>> result;

        BindingsReader(CompletableFuture<Map<String, ChannelBinding>> result) {
            this.result = result;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof SslHandshakeCompletionEvent completion) {
                if (completion.isSuccess()) {
                    result.complete(ServerTls.channelBindings(context.pipeline().get(SslHandler.class).engine()));
                } else {
                    result.completeExceptionally(completion.cause());
                }
            }
            context.fireUserEventTriggered(event);
        }
    }
}
