package dev.parley.conformance;

import static dev.parley.conformance.ScramSha256ExchangeTest.CLIENT_FINAL;
import static dev.parley.conformance.ScramSha256ExchangeTest.CLIENT_FIRST;
import static dev.parley.conformance.ScramSha256ExchangeTest.CLIENT_NONCE;
import static dev.parley.conformance.ScramSha256ExchangeTest.SERVER_FINAL;
import static dev.parley.conformance.ScramSha256ExchangeTest.SERVER_FIRST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.sasl.SASLMechanism;
import org.jivesoftware.smack.sasl.core.SCRAMSHA1Mechanism;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Drives the mechanism through Smack's SASL entry points as SASLAuthentication does, with the RFC 7677 §3 example. */
class ScramSha256MechanismTest {

    /** What the mechanism sent, in order; it talks to the connection through nothing but sendNonza. */
    private final List<Nonza> sent = new ArrayList<>();

    @BeforeAll
    static void initialiseSmack() {
        // Smack's base64 codec is installed by its initialisation, which the first use of SmackConfiguration runs.
        SmackConfiguration.getVersion();
    }

    @Test
    void authenticatesWithTheRfc7677Example() throws Exception {
        SASLMechanism mechanism = startRfcExample();

        assertThat(sent.get(0)).isInstanceOfSatisfying(SaslNonza.AuthMechanism.class, auth -> {
            assertThat(auth.getMechanism()).isEqualTo("SCRAM-SHA-256");
            assertThat(decode(auth.getAuthenticationText())).isEqualTo(CLIENT_FIRST);
        });

        mechanism.challengeReceived(encode(SERVER_FIRST), false);
        assertThat(sent.get(1)).isInstanceOfSatisfying(SaslNonza.Response.class,
                response -> assertThat(decode(response.getAuthenticationText())).isEqualTo(CLIENT_FINAL));

        // The server-final-message arrives as additional data with success (RFC 6120 §6.3.10).
        mechanism.challengeReceived(encode(SERVER_FINAL), true);
        mechanism.afterFinalSaslChallenge();

        assertThat(mechanism.isAuthenticationSuccessful()).isTrue();
        assertThat(sent).hasSize(2);
    }

    @Test
    void aServerFinalMessageSentAsChallengeIsVerifiedAndAnsweredEmpty() throws Exception {
        SASLMechanism mechanism = startRfcExample();
        mechanism.challengeReceived(encode(SERVER_FIRST), false);

        mechanism.challengeReceived(encode(SERVER_FINAL), false);
        mechanism.afterFinalSaslChallenge();

        assertThat(sent.get(2)).isInstanceOfSatisfying(SaslNonza.Response.class,
                response -> assertThat(response.getAuthenticationText()).isNull());
        assertThat(mechanism.isAuthenticationSuccessful()).isTrue();
    }

    @Test
    void aWrongServerSignatureFailsAuthentication() throws Exception {
        SASLMechanism mechanism = startRfcExample();
        mechanism.challengeReceived(encode(SERVER_FIRST), false);

        String wrongSignature = encode("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThatThrownBy(() -> mechanism.challengeReceived(wrongSignature, true))
                .isInstanceOf(SmackSaslException.class);
        assertThatThrownBy(mechanism::afterFinalSaslChallenge).isInstanceOf(SmackSaslException.class);
        assertThat(mechanism.isAuthenticationSuccessful()).isFalse();
    }

    @Test
    void successWithoutAServerSignatureFailsAuthentication() throws Exception {
        SASLMechanism mechanism = startRfcExample();
        mechanism.challengeReceived(encode(SERVER_FIRST), false);

        assertThatThrownBy(mechanism::afterFinalSaslChallenge).isInstanceOf(SmackSaslException.class);
        assertThat(mechanism.isAuthenticationSuccessful()).isFalse();
    }

    @Test
    void smackPrefersItToScramSha1() {
        SASLMechanism scramSha256 = new ScramSha256Mechanism();

        assertThat(scramSha256).isLessThan(new SCRAMSHA1Mechanism());
    }

    @Test
    void everyAuthenticationGetsAFreshNonce() throws Exception {
        SASLMechanism registered = new ScramSha256Mechanism();
        String first = clientFirstOf(registered);
        String second = clientFirstOf(registered);

        assertThat(first).startsWith("n,,n=user,r=");
        assertThat(second).startsWith("n,,n=user,r=").isNotEqualTo(first);
    }

    private SASLMechanism startRfcExample() throws Exception {
        SASLMechanism mechanism = new ScramSha256Mechanism(() -> CLIENT_NONCE)
                .instanceForAuthentication(recordingConnection(), null);
        mechanism.authenticate("user", "localhost", JidCreate.domainBareFrom("localhost"), "pencil", null, null);
        return mechanism;
    }

    private String clientFirstOf(SASLMechanism registered) throws Exception {
        registered.instanceForAuthentication(recordingConnection(), null)
                .authenticate("user", "localhost", JidCreate.domainBareFrom("localhost"), "pencil", null, null);
        return decode(((SaslNonza.AuthMechanism) sent.get(sent.size() - 1)).getAuthenticationText());
    }

    private XMPPConnection recordingConnection() {
        return (XMPPConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {XMPPConnection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("sendNonza")) {
                        sent.add((Nonza) arguments[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String encode(String message) {
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
