package dev.parley.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.parley.conformance.Account;
import dev.parley.conformance.TlsTrust;
import dev.parley.conformance.XmppServerUnderTest;

import org.junit.jupiter.api.Test;

/** The probe script itself, without a server: it must report an unreachable server promptly and distinctly. */
class SlixmppEchoTest {

    /** A server address nothing listens on: a port the kernel handed out and that was closed again. */
    private static XmppServerUnderTest nobodyListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        List<Account> accounts = List.of(new Account("a", "pa"), new Account("b", "pb"), new Account("c", "pc"));
        return new XmppServerUnderTest() {
            @Override public String domain() { return "nowhere.test"; }
            @Override public InetSocketAddress c2sAddress() { return address; }
            @Override public TlsTrust tlsTrust() { return TlsTrust.trustAll(); }
            @Override public List<Account> accounts() { return accounts; }
            @Override public Optional<Account> administrator() { return Optional.empty(); }
            @Override public void close() { }
        };
    }

    @Test
    void reportsAnUnreachableServerAsAConnectionFailure() throws Exception {
        XmppServerUnderTest server = nobodyListening();

        SlixmppEcho.Result result = SlixmppEcho.exchange(server, server.accounts().get(0), "b@nowhere.test",
                "hello", "hi", Duration.ofSeconds(10));

        assertThat(result.exitStatus()).as(result.output()).isEqualTo(4);
        assertThat(result.output()).contains("slixmpp_echo: connection failed");
    }
}
