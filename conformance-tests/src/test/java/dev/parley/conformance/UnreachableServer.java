package dev.parley.conformance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * A fixture for the harness's own tests: a loopback address nothing listens on (a port the kernel handed out and that
 * was closed again), three made-up accounts and no administrator.
 */
public record UnreachableServer(InetSocketAddress c2sAddress) implements XmppServerUnderTest {

    public static UnreachableServer create() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new UnreachableServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        }
    }

    @Override
    public String domain() {
        return "nowhere.test";
    }

    @Override
    public TlsTrust tlsTrust() {
        return TlsTrust.trustAll();
    }

    @Override
    public List<Account> accounts() {
        return List.of(new Account("a", "pa"), new Account("b", "pb"), new Account("c", "pc"));
    }

    @Override
    public Optional<Account> administrator() {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
