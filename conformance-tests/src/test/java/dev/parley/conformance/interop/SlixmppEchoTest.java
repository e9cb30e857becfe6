package dev.parley.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.parley.conformance.UnreachableServer;

import org.junit.jupiter.api.Test;

/** The probe script itself, without a server: it must report an unreachable server promptly and distinctly. */
class SlixmppEchoTest {

    @Test
    void reportsAnUnreachableServerAsAConnectionFailure() throws Exception {
        UnreachableServer server = UnreachableServer.create();

        SlixmppScript.Result result = SlixmppEcho.exchange(server, server.accounts().get(0), "b@nowhere.test",
                "hello", "hi", Duration.ofSeconds(10));

        assertThat(result.exitStatus()).as(result.output()).isEqualTo(4);
        assertThat(result.output()).contains("slixmpp_echo: connection failed");
    }
}
