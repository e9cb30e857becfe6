package dev.parley.conformance;

import dev.parley.server.testing.TestServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A freshly started Parley node (the server module's test profile on the embedded store) with three accounts and an
 * XEP-0133 administrator. Clients trust exactly the self-signed certificate the node generated on its first start.
 */
final class ParleyServerFixture implements XmppServerUnderTest {
    private static final List<Account> ACCOUNTS = List.of(
            new Account("sint-one", "sint-one-password"),
            new Account("sint-two", "sint-two-password"),
            new Account("sint-three", "sint-three-password"));
    private static final Account ADMIN = new Account("admin", "admin-password");

    private final TestServer server;
    private final TlsTrust trust;

    private ParleyServerFixture(TestServer server, TlsTrust trust) {
        this.server = server;
        this.trust = trust;
    }

    static ParleyServerFixture start() throws Exception {
        TestServer server = TestServer.start();
        try {
            for (Account account : ACCOUNTS) {
                server.addUser(account.username(), account.password());
            }
            server.addUser(ADMIN.username(), ADMIN.password());
            Path certificate = server.dataDir().resolve("certs").resolve("self-signed.crt");
            return new ParleyServerFixture(server, TlsTrust.fromPemFile(certificate));
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Override
    public String domain() {
        return TestServer.DOMAIN;
    }

    @Override
    public InetSocketAddress c2sAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.c2sPort());
    }

    @Override
    public TlsTrust tlsTrust() {
        return trust;
    }

    @Override
    public List<Account> accounts() {
        return ACCOUNTS;
    }

    @Override
    public Optional<Account> administrator() {
        return Optional.of(ADMIN);
    }

    @Override
    public void close() {
        server.close();
    }
}
