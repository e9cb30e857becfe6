package dev.parley.xmpp.sasl;

import static dev.parley.xmpp.sasl.SaslTesting.USER_CREDENTIAL;
import static dev.parley.xmpp.sasl.SaslTesting.assertFailed;
import static dev.parley.xmpp.sasl.SaslTesting.assertSuccess;
import static dev.parley.xmpp.sasl.SaslTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainMechanismTest {

    @Test
    void correctPasswordSucceedsWithoutAdditionalData() {
        SaslStep result = run(new PlainMechanism(), "\0user\0pencil", USER_CREDENTIAL);
        assertSuccess(result, "user");
        assertThat(((SaslStep.Success) result).additionalData()).isEmpty();
    }

    @Test
    void wrongPasswordAndUnknownAccountFailAlike() {
        SaslStep wrong = run(new PlainMechanism(), "\0user\0crayon", USER_CREDENTIAL);
        SaslStep unknown = run(new PlainMechanism(), "\0nobody\0pencil", null);
        assertFailed(wrong, SaslFailure.NOT_AUTHORIZED);
        assertThat(unknown).isEqualTo(wrong);
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void verifiesAgainstWhicheverHashIsStored(ScramAlgorithm algorithm) {
        var only = new StoredCredential(Map.of(algorithm, USER_CREDENTIAL.forAlgorithm(algorithm).orElseThrow()));
        assertSuccess(run(new PlainMechanism(), "\0user\0pencil", only), "user");
        assertFailed(run(new PlainMechanism(), "\0user\0pencil!", only), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void accountWithoutScramCredentialsCannotLogIn() {
        assertFailed(run(new PlainMechanism(), "\0user\0pencil", new StoredCredential(Map.of())),
                SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void authzidMayOnlyNameTheAuthenticatingUser() {
        var settings = SaslSettings.forDomain("example.org");
        assertSuccess(run(new PlainMechanism(), "user\0user\0pencil", USER_CREDENTIAL), "user");
        assertSuccess(run(new PlainMechanism(settings), "user@example.org\0user\0pencil", USER_CREDENTIAL), "user");
        assertFailed(new PlainMechanism(settings).evaluate(utf8("admin\0user\0pencil")), SaslFailure.INVALID_AUTHZID);
        assertFailed(new PlainMechanism(settings).evaluate(utf8("admin@example.org\0user\0pencil")),
                SaslFailure.INVALID_AUTHZID);
    }

    @Test
    void usernameIsNormalised() {
        assertThat(new PlainMechanism().evaluate(utf8("\0USER\0pencil"))).isEqualTo(new SaslStep.NeedCredentials("user"));
        assertFailed(new PlainMechanism().evaluate(utf8("\0us er\0pencil")), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void nonAsciiPasswordIsPreparedWithOpaqueString() {
        String composed = "P\u00e4ssw\u00f6rd \u2713 \u30d1\u30b9";
        String decomposed = "Pa\u0308ssw\u00f6rd\u3000\u2713 \u30d1\u30b9"; // NFD ä and an ideographic space
        var credential = ScramCredentials.deriveAll(composed, SaslTesting.ITERATIONS, SaslTesting.RANDOM);
        assertSuccess(run(new PlainMechanism(), "\0user\0" + composed, credential), "user");
        assertSuccess(run(new PlainMechanism(), "\0user\0" + decomposed, credential), "user");
        assertFailed(run(new PlainMechanism(), "\0user\0p\u00e4ssw\u00f6rd \u2713 \u30d1\u30b9", credential),
                SaslFailure.NOT_AUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"userpencil", "\0userpencil", "user\0pencil", "\0user\0pencil\0", "a\0b\0c\0d", "\0\0pencil",
        "\0user\0", "\0\0", ""})
    void malformedMessages(String message) {
        var mechanism = new PlainMechanism();
        if (message.isEmpty()) {
            assertThat(mechanism.evaluate(utf8(message))).isInstanceOf(SaslStep.Challenge.class);
            assertFailed(mechanism.evaluate(utf8(message)), SaslFailure.MALFORMED_REQUEST);
        } else {
            assertFailed(mechanism.evaluate(utf8(message)), SaslFailure.MALFORMED_REQUEST);
        }
    }

    @Test
    void invalidUtf8IsMalformed() {
        assertFailed(new PlainMechanism().evaluate(new byte[] {0, 'u', (byte) 0xFF, 0, 'p'}),
                SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void passwordThatIsNoOpaqueStringNeverMatches() {
        assertFailed(run(new PlainMechanism(), "\0user\0pen\u0007cil", USER_CREDENTIAL), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void withoutInitialResponseTheMessageComesAsAResponse() {
        var mechanism = new PlainMechanism();
        assertThat(mechanism.evaluate(null)).isInstanceOfSatisfying(SaslStep.Challenge.class,
                challenge -> assertThat(challenge.data()).isEmpty());
        assertThat(mechanism.evaluate(utf8("\0user\0pencil"))).isInstanceOf(SaslStep.NeedCredentials.class);
        assertSuccess(mechanism.credentials(USER_CREDENTIAL), "user");
    }

    @Test
    void callsOutOfOrderEndTheExchange() {
        var early = new PlainMechanism();
        assertFailed(early.credentials(USER_CREDENTIAL), SaslFailure.MALFORMED_REQUEST);
        assertFailed(early.evaluate(utf8("\0user\0pencil")), SaslFailure.MALFORMED_REQUEST);

        var twice = new PlainMechanism();
        twice.evaluate(utf8("\0user\0pencil"));
        assertFailed(twice.evaluate(utf8("\0user\0pencil")), SaslFailure.MALFORMED_REQUEST);
        assertFailed(twice.credentials(USER_CREDENTIAL), SaslFailure.MALFORMED_REQUEST);

        var done = new PlainMechanism();
        done.evaluate(utf8("\0user\0pencil"));
        assertSuccess(done.credentials(USER_CREDENTIAL), "user");
        assertFailed(done.credentials(USER_CREDENTIAL), SaslFailure.MALFORMED_REQUEST);
        assertFailed(done.evaluate(utf8("\0user\0pencil")), SaslFailure.MALFORMED_REQUEST);
    }

    private static SaslStep run(PlainMechanism mechanism, String message, StoredCredential credential) {
        SaslStep first = mechanism.evaluate(utf8(message));
        assertThat(first).isInstanceOf(SaslStep.NeedCredentials.class);
        return mechanism.credentials(credential);
    }
}
