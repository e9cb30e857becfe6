package dev.parley.xmpp.sasl;

import static dev.parley.xmpp.sasl.SaslTesting.USER_CREDENTIAL;
import static dev.parley.xmpp.sasl.SaslTesting.assertFailed;
import static dev.parley.xmpp.sasl.SaslTesting.assertSuccess;
import static dev.parley.xmpp.sasl.SaslTesting.exchange;
import static dev.parley.xmpp.sasl.SaslTesting.scram;
import static dev.parley.xmpp.sasl.SaslTesting.toServerFirst;
import static dev.parley.xmpp.sasl.SaslTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SCRAM -PLUS (RFC 5802 §6) with RFC 5929 and RFC 9266 bindings, and downgrade detection. */
class ScramChannelBindingTest {
    private static final byte[] END_POINT_DATA = new byte[32];
    private static final byte[] EXPORTER_DATA = new byte[32];

    static {
        SaslTesting.RANDOM.nextBytes(END_POINT_DATA);
        SaslTesting.RANDOM.nextBytes(EXPORTER_DATA);
    }

    private static final Map<String, ChannelBinding> BINDINGS = Map.of(
            ChannelBinding.TLS_SERVER_END_POINT, new ChannelBinding(ChannelBinding.TLS_SERVER_END_POINT, END_POINT_DATA),
            ChannelBinding.TLS_EXPORTER, new ChannelBinding(ChannelBinding.TLS_EXPORTER, EXPORTER_DATA));

    static List<Arguments> algorithmsAndTypes() {
        List<Arguments> all = new ArrayList<>();
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            for (String type : BINDINGS.keySet()) {
                all.add(Arguments.of(algorithm, type));
            }
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndTypes")
    void matchingBindingAuthenticates(ScramAlgorithm algorithm, String type) {
        var client = plusClient(algorithm, "p=" + type + ",,", BINDINGS.get(type).data());
        SaslStep result = exchange(scram(algorithm, true, BINDINGS), client, USER_CREDENTIAL);

        assertSuccess(result, "user");
        assertThat(((SaslStep.Success) result).additionalData()).isEqualTo(client.expectedServerFinal());
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndTypes")
    void mismatchingBindingIsNotAuthorized(ScramAlgorithm algorithm, String type) {
        byte[] otherConnection = BINDINGS.get(type).data();
        otherConnection[0] ^= 1;
        var client = plusClient(algorithm, "p=" + type + ",,", otherConnection);

        assertFailed(exchange(scram(algorithm, true, BINDINGS), client, USER_CREDENTIAL), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void bindingDataOfTheOtherTypeIsNotAuthorized() {
        var client = plusClient(ScramAlgorithm.SHA_256, "p=tls-exporter,,", END_POINT_DATA);
        assertFailed(exchange(scram(ScramAlgorithm.SHA_256, true, BINDINGS), client, USER_CREDENTIAL),
                SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void plusWithoutBindingDataInCIsNotAuthorized() {
        var client = plusClient(ScramAlgorithm.SHA_256, "p=tls-exporter,,", new byte[0]);
        assertFailed(exchange(scram(ScramAlgorithm.SHA_256, true, BINDINGS), client, USER_CREDENTIAL),
                SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void bindingWithAuthzidCoversTheWholeHeader() {
        var client = plusClient(ScramAlgorithm.SHA_512, "p=tls-exporter,a=user,", EXPORTER_DATA);
        assertSuccess(exchange(scram(ScramAlgorithm.SHA_512, true, BINDINGS), client, USER_CREDENTIAL), "user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls-unique", "tls-server-end-point"})
    void unavailableBindingTypeIsRefused(String type) {
        var onlyExporter = Map.of(ChannelBinding.TLS_EXPORTER, BINDINGS.get(ChannelBinding.TLS_EXPORTER));
        assertFailed(scram(ScramAlgorithm.SHA_256, true, onlyExporter).evaluate(utf8("p=" + type + ",,n=user,r=a")),
                SaslFailure.NOT_AUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "y"})
    void plusRequiresFlagP(String flag) {
        assertFailed(scram(ScramAlgorithm.SHA_256, true, BINDINGS).evaluate(utf8(flag + ",,n=user,r=a")),
                SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void nonPlusRefusesFlagP() {
        assertFailed(scram(ScramAlgorithm.SHA_256, false, BINDINGS).evaluate(utf8("p=tls-exporter,,n=user,r=a")),
                SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void flagYWhileServerOffersBindingIsADowngrade() {
        var client = plusClient(ScramAlgorithm.SHA_256, "y,,", new byte[0]);
        assertFailed(scram(ScramAlgorithm.SHA_256, false, BINDINGS).evaluate(client.clientFirst()),
                SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void flagYWithoutServerBindingIsFine() {
        var client = plusClient(ScramAlgorithm.SHA_256, "y,,", new byte[0]);
        assertSuccess(exchange(scram(ScramAlgorithm.SHA_256, false, Map.of()), client, USER_CREDENTIAL), "user");
    }

    @Test
    void flagNWhileServerOffersBindingIsFine() {
        var client = plusClient(ScramAlgorithm.SHA_256, "n,,", new byte[0]);
        assertSuccess(exchange(scram(ScramAlgorithm.SHA_256, false, BINDINGS), client, USER_CREDENTIAL), "user");
    }

    /** A client that announced "n" but claims "y" in c= (or vice versa) has been tampered with. */
    @Test
    void gs2HeaderInCMustMatchTheOneSent() {
        var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
        var client = plusClient(ScramAlgorithm.SHA_256, "n,,", new byte[0]);
        byte[] serverFirst = toServerFirst(mechanism, client.clientFirst(), USER_CREDENTIAL);

        assertFailed(mechanism.evaluate(client.clientFinal(serverFirst,
                Base64.getEncoder().encodeToString(utf8("y,,")))), SaslFailure.NOT_AUTHORIZED);
    }

    private static ScramTestClient plusClient(ScramAlgorithm algorithm, String header, byte[] data) {
        return new ScramTestClient(algorithm, header, data, "user", "pencil", "plusNonce");
    }
}
