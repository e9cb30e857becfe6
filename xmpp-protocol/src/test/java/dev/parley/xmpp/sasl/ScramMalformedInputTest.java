package dev.parley.xmpp.sasl;

import static dev.parley.xmpp.sasl.SaslTesting.USER_CREDENTIAL;
import static dev.parley.xmpp.sasl.SaslTesting.assertFailed;
import static dev.parley.xmpp.sasl.SaslTesting.scram;
import static dev.parley.xmpp.sasl.SaslTesting.text;
import static dev.parley.xmpp.sasl.SaslTesting.toServerFirst;
import static dev.parley.xmpp.sasl.SaslTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad client messages and calls out of order end the exchange with a failure, never with an exception. */
class ScramMalformedInputTest {
    private static final String NONCE_PLACEHOLDER = "NONCE";

    @ParameterizedTest
    @ValueSource(strings = {
        "n", "n,", "n,,", "x,,n=user,r=a", "p=,,n=user,r=a", "p=tls exporter,,n=user,r=a", "N,,n=user,r=a",
        "n,b=x,n=user,r=a", "n,a=,n=user,r=a", "n,a=x=41,n=user,r=a", "n,,r=a,n=user", "n,,n=,r=a", "n,,n=user,r=",
        "n,,n=user", "n,,n=user,r=a b", "n,,n=user,r=a\u00e9", "n,,n=user,r=a,", "n,,n=user,r=a,,x=y",
        "n,,n=user,r=a,1=x", "n,,n=user,r=a,x=", "n,,n=user,r=a,xy=1", "n,,n=us=er,r=a", "n,,n=user=2,r=a",
        "n,,n=user=,r=a", "n,,n=use\u0000r,r=a", "n,,m=ext,n=user,r=a", "n,,user,r=a", " n,,n=user,r=a"
    })
    void malformedClientFirst(String message) {
        assertFailed(scram(ScramAlgorithm.SHA_256, false, Map.of()).evaluate(utf8(message)),
                SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] bad = utf8("n,,n=user,r=abc");
        bad[5] = (byte) 0xC3;
        bad[6] = (byte) 0x28;
        assertFailed(scram(ScramAlgorithm.SHA_256, false, Map.of()).evaluate(bad), SaslFailure.MALFORMED_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "c=biws", "c=biws,r=NONCE", "r=NONCE,c=biws,p=AAAA", "c=biws,p=AAAA,r=NONCE", "c=!!!!,r=NONCE,p=AAAA",
        "c=,r=NONCE,p=AAAA", "c=biws,r=NONCE,p=", "c=biws,r=NONCE,p=A*AA", "c=biws,r=NONCE,x,p=AAAA",
        "c=biws,r=NONCE,,p=AAAA", "c=biws,r=,p=AAAA", "c=biws,r=NONCE,p=AAAA,", "c=biws,r=NONCE,p=AAAA,x=1",
        "C=biws,r=NONCE,p=AAAA", "c=biws,r=NON CE,p=AAAA", "c=biws\u0000,r=NONCE,p=AAAA"
    })
    void malformedClientFinal(String template) {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        String nonce = nonce(toServerFirst(mechanism, utf8("n,,n=user,r=abc"), USER_CREDENTIAL));
        assertFailed(mechanism.evaluate(utf8(template.replace(NONCE_PLACEHOLDER, nonce))),
                SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void wrongNonceIsNotAuthorized() {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        toServerFirst(mechanism, utf8("n,,n=user,r=abc"), USER_CREDENTIAL);
        assertFailed(mechanism.evaluate(utf8("c=biws,r=abcdef,p=AAAA")), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void proofOfTheWrongLengthIsNotAuthorized() {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        String nonce = nonce(toServerFirst(mechanism, utf8("n,,n=user,r=abc"), USER_CREDENTIAL));
        assertFailed(mechanism.evaluate(utf8("c=biws,r=" + nonce + ",p=AAAA")), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void credentialsBeforeClientFirst() {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        assertFailed(mechanism.credentials(USER_CREDENTIAL), SaslFailure.MALFORMED_REQUEST);
        assertFailed(mechanism.evaluate(utf8("n,,n=user,r=abc")), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void responseWhileWaitingForCredentialsEndsTheExchange() {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        mechanism.evaluate(utf8("n,,n=user,r=abc"));
        assertFailed(mechanism.evaluate(utf8("c=biws,r=abc,p=AAAA")), SaslFailure.MALFORMED_REQUEST);
        assertFailed(mechanism.credentials(USER_CREDENTIAL), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void credentialsTwice() {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        toServerFirst(mechanism, utf8("n,,n=user,r=abc"), USER_CREDENTIAL);
        assertFailed(mechanism.credentials(USER_CREDENTIAL), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void secondEmptyResponseAndNullResponses() {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        assertThat(mechanism.evaluate(null)).isInstanceOf(SaslStep.Challenge.class);
        assertFailed(mechanism.evaluate(new byte[0]), SaslFailure.MALFORMED_REQUEST);

        var atFinal = scram(ScramAlgorithm.SHA_256, false, Map.of());
        toServerFirst(atFinal, utf8("n,,n=user,r=abc"), USER_CREDENTIAL);
        assertFailed(atFinal.evaluate(null), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void nothingIsAcceptedAfterSuccessOrFailure() {
        var succeeded = scram(ScramAlgorithm.SHA_256, false, Map.of());
        var client = ScramTestClient.simple(ScramAlgorithm.SHA_256, "user", "pencil");
        byte[] clientFinal = client.clientFinal(toServerFirst(succeeded, client.clientFirst(), USER_CREDENTIAL));
        assertThat(succeeded.evaluate(clientFinal)).isInstanceOf(SaslStep.Success.class);
        assertFailed(succeeded.evaluate(clientFinal), SaslFailure.MALFORMED_REQUEST);
        assertFailed(succeeded.evaluate(client.clientFirst()), SaslFailure.MALFORMED_REQUEST);
        assertFailed(succeeded.credentials(USER_CREDENTIAL), SaslFailure.MALFORMED_REQUEST);

        var failed = scram(ScramAlgorithm.SHA_256, false, Map.of());
        failed.evaluate(utf8("garbage"));
        assertFailed(failed.evaluate(client.clientFirst()), SaslFailure.MALFORMED_REQUEST);
    }

    /** Random corruption of valid messages at both steps: every outcome is a step, never an exception. */
    @Test
    void corruptedMessagesNeverThrow() {
        Random random = new Random(5802);
        var client = new ScramTestClient(ScramAlgorithm.SHA_1, "n,a=user,", new byte[0], "user", "pencil", "n0nce");
        // Few iterations: the client's PBKDF2 would otherwise dominate the run time.
        var cheap = new SaslSettings(null, new DecoyCredentials(new byte[16], 2));
        var credential = ScramCredentials.deriveAll("pencil", 2, SaslTesting.RANDOM);
        for (int i = 0; i < 2000; i++) {
            int round = i;
            var mechanism = new ScramMechanism(ScramAlgorithm.SHA_1, round % 2 == 0, Map.of(), SaslTesting.RANDOM,
                    cheap);
            byte[] first = corrupt(client.clientFirst(), random, round % 4 < 2);
            assertThatCode(() -> {
                if (mechanism.evaluate(first) instanceof SaslStep.NeedCredentials) {
                    SaslStep challenge = mechanism.credentials(round % 3 == 0 ? null : credential);
                    byte[] last = corrupt(client.clientFinal(((SaslStep.Challenge) challenge).data()), random, true);
                    assertThat(mechanism.evaluate(last)).isNotNull();
                }
            }).doesNotThrowAnyException();
        }
    }

    private static byte[] corrupt(byte[] message, Random random, boolean really) {
        if (!really) {
            return message;
        }
        byte[] copy = message.clone();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? copy : Arrays.copyOf(copy, random.nextInt(copy.length + 1));
    }

    private static String nonce(byte[] serverFirst) {
        return ScramTestClient.attributes(text(serverFirst)).get("r");
    }
}
