package dev.parley.conformance.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.parley.conformance.Account;
import dev.parley.conformance.XmppServerUnderTest;

/**
 * Runs {@code src/test/python/slixmpp_echo.py}: a slixmpp client that logs in to the server under test (STARTTLS,
 * SCRAM-SHA-256), sends one message and waits for an expected reply.
 */
final class SlixmppEcho {

    private SlixmppEcho() {
    }

    /** Exit status 0 means the reply was received. */
    static SlixmppScript.Result exchange(XmppServerUnderTest server, Account account, String peerJid, String body,
                                  String expectedReply, Duration timeout) throws IOException, InterruptedException {
        return SlixmppScript.run("slixmpp_echo.py", server, List.of(
                        "--jid", account.username() + '@' + server.domain(),
                        "--to", peerJid, "--body", body, "--expect", expectedReply,
                        "--timeout", Long.toString(timeout.toSeconds())),
                Map.of("XMPP_PASSWORD", account.password()), timeout);
    }
}
