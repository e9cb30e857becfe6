package dev.parley.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.conformance.Account;
import dev.parley.conformance.ServersUnderTest;
import dev.parley.conformance.XmppServerUnderTest;

import org.junit.jupiter.api.Test;

/**
 * Daily instant messaging with a real client library: {@code slixmpp_im.py} drives three slixmpp accounts through
 * mutual subscription and presence (RFC 6121), offline delivery in order with a delay stamp (XEP-0160, XEP-0203),
 * carbons to a second device (XEP-0280) and blocking (XEP-0191). The script stops at the first step that fails.
 */
class SlixmppImIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void presenceOfflineDeliveryCarbonsAndBlockingWorkForSlixmpp() throws Exception {
        try (XmppServerUnderTest server = ServersUnderTest.select()) {
            List<Account> accounts = server.accounts();
            Map<String, String> environment = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                String who = String.valueOf((char) ('A' + i));
                environment.put(who + "_USER", accounts.get(i).username());
                environment.put(who + "_PASSWORD", accounts.get(i).password());
            }

            SlixmppScript.Result result = SlixmppScript.run("slixmpp_im.py", server,
                    List.of("--domain", server.domain()), environment, TIMEOUT);

            assertThat(result.output()).as("slixmpp_im.py").contains(
                    "step presence: ok", "step offline: ok", "step carbons: ok", "step blocking: ok");
            assertThat(result.exitStatus()).as(result.output()).isZero();
        }
    }
}
