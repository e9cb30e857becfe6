package dev.parley.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client that stops reading while stream management is on: past {@code limits.outbound-bytes} its stream is closed
 * with {@code <policy-violation/>}, and its session is detached as when a connection drops, so resuming it (XEP-0198
 * §5) delivers everything it did not get, in order.
 */
class SlowReaderTest {
    private static final String SM = SmClient.SM;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCutOffSessionIsResumableAndLosesNothing() throws Exception {
        int messages = 200;
        String body = "y".repeat(2000);
        try (TestServer server = TestServer.start("limits: {outbound-bytes: 65536}\n")) {
            String aliceUser = server.addFreshUser();
            SmClient alice = SmClient.resumableSlowReader(server, aliceUser, "phone");
            try (SmClient bob = SmClient.bound(server, server.addFreshUser(), "pc")) {
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    sent.add("m" + i);
                    bob.send("<message type='chat' to='" + alice.fullJid + "' id='m" + i + "'><body>" + body
                            + "</body></message>");
                }
                bob.send("<iq type='get' id='sync' to='" + TestServer.DOMAIN + "'><ping xmlns='urn:xmpp:ping'/></iq>");
                assertThat(bob.raw.next("iq").attribute("id")).as("the sender is never held up").isEqualTo("sync");

                List<String> got = new ArrayList<>();
                XmlElement last;
                while (true) {
                    last = alice.raw.next();
                    if (last.name().equals("error")) {
                        break;
                    }
                    if (last.name().equals("message")) {
                        alice.received++;
                        got.add(last.attribute("id"));
                    }
                }
                assertThat(last.firstChild("urn:ietf:params:xml:ns:xmpp-streams").orElseThrow().name())
                        .isEqualTo("policy-violation");
                assertThat(got.size()).as("cut off well before everything was written").isLessThan(messages / 2);
                alice.close();

                try (SmClient again = SmClient.authenticated(server, aliceUser)) {
                    again.send("<resume xmlns='" + SM + "' previd='" + alice.smId() + "' h='" + alice.received
                            + "'/>");
                    assertThat(again.raw.next().name()).as("detached, not ended").isEqualTo("resumed");
                    while (got.size() < messages) {
                        got.add(again.nextStanza().attribute("id"));
                    }
                    assertThat(got).as("nothing lost, nothing twice, in order").containsExactlyElementsOf(sent);
                }
            }
        }
    }
}
