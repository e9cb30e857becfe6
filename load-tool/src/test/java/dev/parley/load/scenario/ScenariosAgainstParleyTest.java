package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.ClientContext;
import dev.parley.load.client.SaltedPasswords;
import dev.parley.load.client.Transport;
import dev.parley.load.metrics.Latencies;
import dev.parley.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios against a real Parley in this JVM: what they count must be exactly what happened. */
class ScenariosAgainstParleyTest {
    private static final String PASSWORD = "load-secret";
    private static TestServer server;
    private static Transport transport;
    private static SaltedPasswords saltedPasswords;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        for (int i = 1; i <= 6; i++) {
            server.addUser("user" + i, PASSWORD);
        }
        transport = new Transport(1, Transport.TlsEngine.AUTO, List.of("127.0.0.1"));
        saltedPasswords = new SaltedPasswords();
    }

    @AfterAll
    static void stop() {
        if (transport != null) {
            transport.close();
        }
        if (saltedPasswords != null) {
            saltedPasswords.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static RunSettings settings(List<String> mechanisms) {
        ClientContext client = new ClientContext(transport, new InetSocketAddress("127.0.0.1", server.c2sPort()),
                TestServer.DOMAIN, PASSWORD, mechanisms, saltedPasswords);
        // The server runs in this JVM, so this process's CPU time and memory stand in for the server's.
        return new RunSettings(client, "parley", Shard.WHOLE, "user", 1, OptionalLong.of(ProcessHandle.current().pid()),
                10, Duration.ofSeconds(30));
    }

    private static RunSettings settings() {
        return settings(List.of("SCRAM-SHA-256"));
    }

    @Test
    void chatCountsEveryMessageOnceWithItsLatency() throws Exception {
        ObjectNode line = ChatScenario.run(settings(), new ChatScenario.Settings(2, 200, Duration.ZERO,
                Duration.ofMillis(1500), null, Duration.ofSeconds(10)));

        assertThat(line.get("sessions").asInt()).isEqualTo(4);
        long sent = line.get("sent").asLong();
        assertThat(sent).isBetween(200L, 400L);
        assertThat(line.get("expected").asLong()).isEqualTo(sent);
        assertThat(line.get("received").asLong()).isEqualTo(sent);
        assertThat(line.get("lost").asLong()).isZero();
        assertThat(line.get("duplicates").asLong()).isZero();
        long completed = line.get("completed").asLong();
        assertThat(completed).isPositive().isLessThanOrEqualTo(sent);
        assertThat(Latencies.decode(line.get("latency").asText()).getTotalCount()).isEqualTo(completed);
        assertThat(line.get("derived").get("latencyMs").get("p99").asDouble()).isPositive();
        assertThat(line.get("serverCpuSeconds").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void chatStepsUpUntilTheLastStep() throws Exception {
        ObjectNode line = ChatScenario.run(settings(), new ChatScenario.Settings(1, 50, Duration.ZERO,
                Duration.ZERO, new ChatScenario.StepUp(2, 2, Duration.ofMillis(400)), Duration.ofSeconds(10)));

        assertThat(line.get("steps")).hasSize(2);
        assertThat(line.get("steps").get(1).get("offeredPerSecond").asDouble()).isEqualTo(100);
        assertThat(line.get("lost").asLong()).isZero();
        assertThat(line.get("derived").get("saturationPerSecond").asDouble()).isPositive();
    }

    @Test
    void loginsCompleteWithEachMechanism() throws Exception {
        ObjectNode scram256 = LoginScenario.run(settings(), new LoginScenario.Settings(3, 6, 2, Duration.ofSeconds(30)));
        ObjectNode scram1 = LoginScenario.run(settings(List.of("SCRAM-SHA-1")),
                new LoginScenario.Settings(2, 2, 1, Duration.ofSeconds(30)));
        ObjectNode plain = LoginScenario.run(settings(List.of("PLAIN")),
                new LoginScenario.Settings(2, 2, 1, Duration.ofSeconds(30)));

        assertThat(scram256.get("completed").asInt()).isEqualTo(6);
        assertThat(scram256.get("failures").asInt()).isZero();
        assertThat(Latencies.decode(scram256.get("latency").asText()).getTotalCount()).isEqualTo(6);
        assertThat(scram256.get("mechanisms").asText()).isEqualTo("SCRAM-SHA-256");
        assertThat(scram1.get("completed").asInt()).isEqualTo(2);
        assertThat(scram1.get("mechanisms").asText()).isEqualTo("SCRAM-SHA-1");
        assertThat(plain.get("completed").asInt()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsAFailedLoginNotACrash() throws Exception {
        ClientContext wrong = new ClientContext(transport, new InetSocketAddress("127.0.0.1", server.c2sPort()),
                TestServer.DOMAIN, "not-the-password", List.of("SCRAM-SHA-256"), saltedPasswords);
        RunSettings run = new RunSettings(wrong, "parley", Shard.WHOLE, "user", 1, OptionalLong.empty(), 2,
                Duration.ofSeconds(30));

        ObjectNode line = IdleScenario.run(run, new IdleScenario.Settings(2, Duration.ZERO));

        assertThat(line.get("sessions").asInt()).isZero();
        assertThat(line.get("failures").asInt()).isEqualTo(2);
        assertThat(line.get("problems").toString()).contains("authentication failed");
    }

    @Test
    void idleSessionsAreCountedWithTheServersMemory() throws Exception {
        ObjectNode line = IdleScenario.run(settings(), new IdleScenario.Settings(5, Duration.ZERO));

        assertThat(line.get("sessions").asInt()).isEqualTo(5);
        assertThat(line.get("failures").asInt()).isZero();
        assertThat(line.get("rssBeforeBytes").asLong()).isPositive();
        assertThat(line.get("rssAfterBytes").asLong()).isPositive();
        assertThat(line.get("derived").has("bytesPerSession")).isTrue();
    }

    @Test
    void resumptionsAreCountedWithTheirLatency() throws Exception {
        ObjectNode line = ResumeScenario.run(settings(), new ResumeScenario.Settings(2, 6, Duration.ofSeconds(30)));

        assertThat(line.get("supported").asBoolean()).as(line.toString()).isTrue();
        assertThat(line.get("completed").asInt()).as(line.toString()).isEqualTo(6);
        assertThat(line.get("failures").asInt()).isZero();
        assertThat(Latencies.decode(line.get("latency").asText()).getTotalCount()).isEqualTo(6);
    }

    @Test
    void everyOccupantGetsEveryRoomMessageOnce() throws Exception {
        ObjectNode line = MucScenario.run(settings(), new MucScenario.Settings(1, 3, "conference.localhost", 30,
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10)));

        assertThat(line.get("supported").asBoolean()).as(line.toString()).isTrue();
        assertThat(line.get("sessions").asInt()).isEqualTo(3);
        assertThat(line.get("expected").asLong()).isPositive();
        assertThat(line.get("received").asLong()).isEqualTo(line.get("expected").asLong());
        assertThat(line.get("lost").asLong()).isZero();
        assertThat(line.get("duplicates").asLong()).isZero();
    }

    @Test
    void aMissingServiceIsReportedAsUnsupported() throws Exception {
        ObjectNode muc = MucScenario.run(settings(), new MucScenario.Settings(1, 2, "conference.example", 10,
                Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1)));

        assertThat(muc.get("supported").asBoolean()).isFalse();
        assertThat(muc.get("reason").asText()).contains("conference.example");
    }
}
