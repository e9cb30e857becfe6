package dev.parley.xmpp.sasl;

import static dev.parley.xmpp.sasl.SaslTesting.USER_CREDENTIAL;
import static dev.parley.xmpp.sasl.SaslTesting.assertFailed;
import static dev.parley.xmpp.sasl.SaslTesting.assertSuccess;
import static dev.parley.xmpp.sasl.SaslTesting.exchange;
import static dev.parley.xmpp.sasl.SaslTesting.scram;
import static dev.parley.xmpp.sasl.SaslTesting.text;
import static dev.parley.xmpp.sasl.SaslTesting.toServerFirst;
import static dev.parley.xmpp.sasl.SaslTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScramMechanismTest {

    /** RFC 5802 §5, SCRAM-SHA-1, byte for byte. */
    @Test
    void rfc5802Example() {
        ScramCredential credential = ScramCredentials.derive("pencil", ScramAlgorithm.SHA_1, 4096,
                Base64.getDecoder().decode("QSXCR+Q6sek8bf92"));
        var mechanism = new ScramMechanism(ScramAlgorithm.SHA_1, false, Map.of(), SaslSettings.defaults(),
                () -> "3rfcNHYJY1ZVvWVs7j");

        assertThat(mechanism.evaluate(utf8("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL")))
                .isEqualTo(new SaslStep.NeedCredentials("user"));
        SaslStep challenge = mechanism.credentials(new StoredCredential(Map.of(ScramAlgorithm.SHA_1, credential)));
        assertThat(text(((SaslStep.Challenge) challenge).data()))
                .isEqualTo("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096");
        SaslStep result = mechanism.evaluate(utf8(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts="));
        assertSuccess(result, "user");
        assertThat(text(((SaslStep.Success) result).additionalData())).isEqualTo("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    /** RFC 7677 §3, SCRAM-SHA-256, byte for byte. */
    @Test
    void rfc7677Example() {
        ScramCredential credential = ScramCredentials.derive("pencil", ScramAlgorithm.SHA_256, 4096,
                Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="));
        var mechanism = new ScramMechanism(ScramAlgorithm.SHA_256, false, Map.of(), SaslSettings.defaults(),
                () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");

        assertThat(mechanism.evaluate(utf8("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")))
                .isEqualTo(new SaslStep.NeedCredentials("user"));
        SaslStep challenge = mechanism.credentials(new StoredCredential(Map.of(ScramAlgorithm.SHA_256, credential)));
        assertThat(text(((SaslStep.Challenge) challenge).data())).isEqualTo(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        SaslStep result = mechanism.evaluate(utf8("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertSuccess(result, "user");
        assertThat(text(((SaslStep.Success) result).additionalData()))
                .isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void independentClientAuthenticatesAndVerifiesServer(ScramAlgorithm algorithm) {
        var client = ScramTestClient.simple(algorithm, "user", "pencil");
        SaslStep result = exchange(scram(algorithm, false, Map.of()), client, USER_CREDENTIAL);

        assertSuccess(result, "user");
        assertThat(((SaslStep.Success) result).additionalData()).isEqualTo(client.expectedServerFinal());
    }

    @Test
    void serverNonceExtendsClientNonceWithAtLeast18RandomBytes() {
        byte[] serverFirst = toServerFirst(scram(ScramAlgorithm.SHA_512, false, Map.of()),
                utf8("n,,n=user,r=abc"), USER_CREDENTIAL);
        String nonce = ScramTestClient.attributes(text(serverFirst)).get("r");

        assertThat(nonce).startsWith("abc");
        assertThat(Base64.getDecoder().decode(nonce.substring(3))).hasSizeGreaterThanOrEqualTo(18);
        byte[] other = toServerFirst(scram(ScramAlgorithm.SHA_512, false, Map.of()),
                utf8("n,,n=user,r=abc"), USER_CREDENTIAL);
        assertThat(ScramTestClient.attributes(text(other)).get("r")).isNotEqualTo(nonce);
    }

    @Test
    void withoutInitialResponseFirstChallengeIsEmpty() {
        for (byte[] initial : new byte[][] {null, new byte[0]}) {
            var mechanism = scram(ScramAlgorithm.SHA_256, false, Map.of());
            assertThat(mechanism.evaluate(initial)).isInstanceOfSatisfying(SaslStep.Challenge.class,
                    challenge -> assertThat(challenge.data()).isEmpty());
            var client = ScramTestClient.simple(ScramAlgorithm.SHA_256, "user", "pencil");
            assertSuccess(exchange(mechanism, client, USER_CREDENTIAL), "user");
        }
    }

    @Test
    void wrongPasswordIsNotAuthorized() {
        var client = ScramTestClient.simple(ScramAlgorithm.SHA_256, "user", "crayon");
        assertFailed(exchange(scram(ScramAlgorithm.SHA_256, false, Map.of()), client, USER_CREDENTIAL),
                SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void unknownAccountLooksLikeAWrongPasswordUntilTheEnd() {
        var decoys = new SaslSettings(null, new DecoyCredentials(new byte[32], SaslTesting.ITERATIONS));
        var unknown = new ScramMechanism(ScramAlgorithm.SHA_256, false, Map.of(), SaslTesting.RANDOM, decoys);
        var unknownClient = ScramTestClient.simple(ScramAlgorithm.SHA_256, "nobody", "pencil");
        byte[] unknownFirst = toServerFirst(unknown, unknownClient.clientFirst(), null);
        var known = scram(ScramAlgorithm.SHA_256, false, Map.of());
        var wrongClient = ScramTestClient.simple(ScramAlgorithm.SHA_256, "user", "crayon");
        byte[] knownFirst = toServerFirst(known, wrongClient.clientFirst(), USER_CREDENTIAL);

        String shape = "r=clientNonce123[A-Za-z0-9+/]{32},s=[A-Za-z0-9+/]{22}==,i=" + SaslTesting.ITERATIONS;
        assertThat(text(unknownFirst)).matches(shape);
        assertThat(text(knownFirst)).matches(shape);
        SaslStep unknownResult = unknown.evaluate(unknownClient.clientFinal(unknownFirst));
        SaslStep wrongResult = known.evaluate(wrongClient.clientFinal(knownFirst));
        assertFailed(unknownResult, SaslFailure.NOT_AUTHORIZED);
        assertThat(unknownResult).isEqualTo(wrongResult);
    }

    @Test
    void unknownAccountGetsTheSameSaltEveryTime() {
        String first = salt("nobody", null);
        assertThat(salt("nobody", null)).isEqualTo(first);
        assertThat(salt("somebody", null)).isNotEqualTo(first);
    }

    @Test
    void accountWithoutTheRequestedHashIsTreatedAsUnknown() {
        var onlySha1 = new StoredCredential(Map.of(ScramAlgorithm.SHA_1,
                USER_CREDENTIAL.forAlgorithm(ScramAlgorithm.SHA_1).orElseThrow()));
        var client = ScramTestClient.simple(ScramAlgorithm.SHA_512, "user", "pencil");

        assertThat(salt("user", onlySha1)).isEqualTo(salt("user", null));
        assertFailed(exchange(scram(ScramAlgorithm.SHA_512, false, Map.of()), client, onlySha1),
                SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void usernameIsNormalisedWithUsernameCaseMapped() {
        assertThat(scram(ScramAlgorithm.SHA_256, false, Map.of()).evaluate(utf8("n,,n=\uFF35ser,r=abc")))
                .isEqualTo(new SaslStep.NeedCredentials("user"));
        var client = ScramTestClient.simple(ScramAlgorithm.SHA_256, "USER", "pencil");
        assertSuccess(exchange(scram(ScramAlgorithm.SHA_256, false, Map.of()), client, USER_CREDENTIAL), "user");
    }

    @Test
    void saslnameEscapesAreDecoded() {
        assertThat(scram(ScramAlgorithm.SHA_256, false, Map.of()).evaluate(utf8("n,,n=a=2Cb=3Dc,r=abc")))
                .isEqualTo(new SaslStep.NeedCredentials("a,b=c"));
    }

    @Test
    void usernamesThatCannotBeLocalpartsAreRejected() {
        for (String username : new String[] {"juliet@capulet.lit", "a b", "a/b", "\u0007"}) {
            assertFailed(scram(ScramAlgorithm.SHA_256, false, Map.of()).evaluate(utf8("n,,n=" + username + ",r=a")),
                    SaslFailure.NOT_AUTHORIZED);
        }
    }

    @Test
    void unknownExtensionsAreIgnored() {
        assertThat(scram(ScramAlgorithm.SHA_256, false, Map.of()).evaluate(utf8("n,,n=user,r=abc,x=1,Y=two")))
                .isEqualTo(new SaslStep.NeedCredentials("user"));
    }

    @Test
    void authzidMayOnlyNameTheAuthenticatingUser() {
        var settings = SaslSettings.forDomain("Example.ORG");
        assertThat(authzidOutcome("user", SaslSettings.defaults())).isInstanceOf(SaslStep.Success.class);
        assertThat(authzidOutcome("USER", SaslSettings.defaults())).isInstanceOf(SaslStep.Success.class);
        assertThat(authzidOutcome("user@example.org", settings)).isInstanceOf(SaslStep.Success.class);
        assertThat(authzidOutcome("user@example.org.", settings)).isInstanceOf(SaslStep.Success.class);
        assertFailed(authzidOutcome("admin", settings), SaslFailure.INVALID_AUTHZID);
        assertFailed(authzidOutcome("admin@example.org", settings), SaslFailure.INVALID_AUTHZID);
        assertFailed(authzidOutcome("user@example.com", settings), SaslFailure.INVALID_AUTHZID);
        assertFailed(authzidOutcome("user@example.org/phone", settings), SaslFailure.INVALID_AUTHZID);
        assertFailed(authzidOutcome("user@example.org", SaslSettings.defaults()), SaslFailure.INVALID_AUTHZID);
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void namesFollowIana(ScramAlgorithm algorithm) {
        assertThat(scram(algorithm, false, Map.of()).name()).isEqualTo(algorithm.mechanismName());
        assertThat(scram(algorithm, true, Map.of()).name()).isEqualTo(algorithm.mechanismName() + "-PLUS");
    }

    private static SaslStep authzidOutcome(String authzid, SaslSettings settings) {
        var mechanism = new ScramMechanism(ScramAlgorithm.SHA_256, false, Map.of(), SaslTesting.RANDOM, settings);
        var client = new ScramTestClient(ScramAlgorithm.SHA_256, "n,a=" + authzid + ",", new byte[0], "user",
                "pencil", "nonce");
        SaslStep first = mechanism.evaluate(client.clientFirst());
        if (first instanceof SaslStep.Failed) {
            return first;
        }
        SaslStep challenge = mechanism.credentials(USER_CREDENTIAL);
        return mechanism.evaluate(client.clientFinal(((SaslStep.Challenge) challenge).data()));
    }

    private static String salt(String username, StoredCredential credential) {
        byte[] serverFirst = toServerFirst(scram(ScramAlgorithm.SHA_512, false, Map.of()),
                utf8("n,,n=" + username + ",r=abc"), credential);
        return ScramTestClient.attributes(text(serverFirst)).get("s");
    }
}
