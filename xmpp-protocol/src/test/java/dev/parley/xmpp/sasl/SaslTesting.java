package dev.parley.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

/** Shared fixtures for the mechanism tests. */
final class SaslTesting {
    static final SecureRandom RANDOM = new SecureRandom();
    static final String PASSWORD = "pencil";
    /** Fewer iterations than production keeps the tests fast; the count itself is under test elsewhere. */
    static final int ITERATIONS = 256;
    static final StoredCredential USER_CREDENTIAL = ScramCredentials.deriveAll(PASSWORD, ITERATIONS, RANDOM);

    private SaslTesting() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    static ScramMechanism scram(ScramAlgorithm algorithm, boolean plus, Map<String, ChannelBinding> bindings) {
        return new ScramMechanism(algorithm, plus, bindings, RANDOM);
    }

    /** Runs client-first and the credential lookup; returns the server-first message. */
    static byte[] toServerFirst(SaslMechanism mechanism, byte[] clientFirst, StoredCredential credential) {
        SaslStep first = mechanism.evaluate(clientFirst);
        assertThat(first).isInstanceOf(SaslStep.NeedCredentials.class);
        SaslStep challenge = mechanism.credentials(credential);
        assertThat(challenge).isInstanceOf(SaslStep.Challenge.class);
        return ((SaslStep.Challenge) challenge).data();
    }

    /** A complete exchange with the test client. */
    static SaslStep exchange(SaslMechanism mechanism, ScramTestClient client, StoredCredential credential) {
        byte[] serverFirst = toServerFirst(mechanism, client.clientFirst(), credential);
        return mechanism.evaluate(client.clientFinal(serverFirst));
    }

    static void assertFailed(SaslStep step, SaslFailure failure) {
        assertThat(step).isInstanceOfSatisfying(SaslStep.Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(failure));
    }

    static void assertSuccess(SaslStep step, String username) {
        assertThat(step).isInstanceOfSatisfying(SaslStep.Success.class,
                success -> assertThat(success.username()).isEqualTo(username));
    }
}
