package dev.parley.server.modules.time;

import static dev.parley.server.testing.Iqs.errorCondition;
import static dev.parley.server.testing.Iqs.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Entity Time (XEP-0202): the format, and the server answering for itself but not for its accounts. */
class TimeModuleTest {
    private static final String NS = "urn:xmpp:time";

    private static XmlElement at(String instant, String zone) {
        return new TimeModule(Clock.fixed(Instant.parse(instant), ZoneId.of(zone))).now();
    }

    @Test
    void tzoIsTheZonesOffsetAtThatInstantAndUtcIsInUtc() {
        XmlElement summer = at("2024-07-01T12:34:56.789123Z", "America/New_York");
        assertThat(summer.childText("tzo", NS)).contains("-04:00");
        assertThat(summer.childText("utc", NS)).contains("2024-07-01T12:34:56.789Z");

        assertThat(at("2024-01-01T00:00:00Z", "America/New_York").childText("tzo", NS)).contains("-05:00");
        assertThat(at("2024-01-01T00:00:00Z", "Asia/Kolkata").childText("tzo", NS)).contains("+05:30");
        XmlElement utc = at("2024-01-01T00:00:00Z", "UTC");
        assertThat(utc.childText("tzo", NS)).contains("+00:00");
        assertThat(utc.childText("utc", NS)).contains("2024-01-01T00:00:00Z");
    }

    @Test
    void theServerAnswersForItselfOnly() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.addUser("juliet", "juliet-password");
            try (XmppSession juliet = XmppSession.login(server, "juliet", "juliet-password", "balcony")) {
                XmlElement time = result(juliet.request("<iq type='get' id='t1' to='localhost'><time xmlns='"
                        + NS + "'/></iq>"));

                assertThat(time.childText("tzo", NS).orElseThrow()).matches("[+-]\\d\\d:\\d\\d");
                Instant utc = Instant.parse(time.childText("utc", NS).orElseThrow());
                assertThat(Duration.between(utc, Instant.now()).abs()).isLessThan(Duration.ofSeconds(10));
                assertThat(time.childText("utc", NS).orElseThrow()).endsWith("Z");

                assertThat(errorCondition(juliet.request("<iq type='set' id='t2' to='localhost'><time xmlns='"
                        + NS + "'/></iq>"))).isEqualTo("bad-request");
                assertThat(errorCondition(juliet.request("<iq type='get' id='t3' to='" + juliet.bareJid()
                        + "'><time xmlns='" + NS + "'/></iq>"))).isEqualTo("service-unavailable");
                XmlElement features = result(juliet.request("<iq type='get' id='t4' to='localhost'>"
                        + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
                assertThat(features.elements("feature", "http://jabber.org/protocol/disco#info")
                        .map(f -> f.attribute("var"))).contains(NS, "jabber:iq:last");
            }
        }
    }
}
