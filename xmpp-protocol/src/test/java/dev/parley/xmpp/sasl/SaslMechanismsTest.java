package dev.parley.xmpp.sasl;

import static dev.parley.xmpp.sasl.SaslTesting.USER_CREDENTIAL;
import static dev.parley.xmpp.sasl.SaslTesting.assertFailed;
import static dev.parley.xmpp.sasl.SaslTesting.assertSuccess;
import static dev.parley.xmpp.sasl.SaslTesting.exchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {
    private static final Set<String> ALL = new HashSet<>(SaslMechanisms.supportedNames());
    private static final Map<String, ChannelBinding> BINDINGS = Map.of(ChannelBinding.TLS_EXPORTER,
            new ChannelBinding(ChannelBinding.TLS_EXPORTER, new byte[32]));

    @Test
    void supportedNamesStrongestFirst() {
        assertThat(SaslMechanisms.supportedNames()).containsExactly("SCRAM-SHA-512-PLUS", "SCRAM-SHA-256-PLUS",
                "SCRAM-SHA-1-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
    }

    @Test
    void withoutTlsNeitherPlusNorPlain() {
        assertThat(new SaslMechanisms(false, Map.of(), ALL).offered())
                .containsExactly("SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1");
    }

    @Test
    void tlsWithoutBindingsAddsPlainOnly() {
        assertThat(new SaslMechanisms(true, Map.of(), ALL).offered())
                .containsExactly("SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
    }

    @Test
    void tlsWithBindingsOffersEverything() {
        var mechanisms = new SaslMechanisms(true, BINDINGS, ALL);
        assertThat(mechanisms.offered()).isEqualTo(SaslMechanisms.supportedNames());
        assertThat(mechanisms.channelBindingTypes()).containsExactly(ChannelBinding.TLS_EXPORTER);
    }

    @Test
    void onlyEnabledNamesInPreferenceOrder() {
        var mechanisms = new SaslMechanisms(true, BINDINGS, Set.of("PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256-PLUS"));
        assertThat(mechanisms.offered()).containsExactly("SCRAM-SHA-256-PLUS", "SCRAM-SHA-1", "PLAIN");
    }

    @Test
    void createsOfferedMechanismsOnly() {
        var mechanisms = new SaslMechanisms(false, Map.of(), ALL);
        for (String name : mechanisms.offered()) {
            assertThat(mechanisms.create(name)).get().extracting(SaslMechanism::name).isEqualTo(name);
        }
        assertThat(mechanisms.create("PLAIN")).isEmpty();
        assertThat(mechanisms.create("SCRAM-SHA-256-PLUS")).isEmpty();
        assertThat(mechanisms.create("DIGEST-MD5")).isEmpty();
        assertThat(mechanisms.create("scram-sha-256")).isEmpty();
        assertThat(new SaslMechanisms(true, BINDINGS, ALL).create("SCRAM-SHA-1-PLUS")).get()
                .isInstanceOf(ScramMechanism.class);
        assertThat(new SaslMechanisms(true, BINDINGS, ALL).create("PLAIN")).get().isInstanceOf(PlainMechanism.class);
    }

    @Test
    void unknownEnabledNameIsAConfigurationError() {
        assertThatThrownBy(() -> new SaslMechanisms(true, Map.of(), Set.of("SCRAM-SHA-256", "CRAM-MD5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRAM-MD5");
    }

    @Test
    void createdPlusMechanismUsesTheStreamBindings() {
        var mechanism = new SaslMechanisms(true, BINDINGS, ALL).create("SCRAM-SHA-512-PLUS").orElseThrow();
        var client = new ScramTestClient(ScramAlgorithm.SHA_512, "p=tls-exporter,,", new byte[32], "user", "pencil",
                "abc");
        assertSuccess(exchange(mechanism, client, USER_CREDENTIAL), "user");
    }

    @Test
    void downgradeDetectedOnlyWhenPlusIsAdvertised() {
        var yClient = new ScramTestClient(ScramAlgorithm.SHA_256, "y,,", new byte[0], "user", "pencil", "abc");
        var withPlus = new SaslMechanisms(true, BINDINGS, ALL).create("SCRAM-SHA-256").orElseThrow();
        assertFailed(withPlus.evaluate(yClient.clientFirst()), SaslFailure.NOT_AUTHORIZED);

        var plusDisabled = new SaslMechanisms(true, BINDINGS, Set.of("SCRAM-SHA-256"));
        assertThat(plusDisabled.offered()).isEqualTo(List.of("SCRAM-SHA-256"));
        assertThat(plusDisabled.channelBindingTypes()).isEmpty();
        assertSuccess(exchange(plusDisabled.create("SCRAM-SHA-256").orElseThrow(), yClient, USER_CREDENTIAL), "user");
    }

    @Test
    void settingsReachTheMechanisms() {
        var mechanisms = new SaslMechanisms(true, Map.of(), ALL, SaslSettings.forDomain("example.org"));
        SaslStep step = mechanisms.create("PLAIN").orElseThrow()
                .evaluate(SaslTesting.utf8("user@example.org\0user\0pencil"));
        assertThat(step).isEqualTo(new SaslStep.NeedCredentials("user"));
    }
}
