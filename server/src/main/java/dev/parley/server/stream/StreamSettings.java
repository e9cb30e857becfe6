package dev.parley.server.stream;

import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.ConflictPolicy;
import dev.parley.server.config.StartTlsPolicy;
import dev.parley.xmpp.sasl.DecoyCredentials;
import dev.parley.xmpp.xml.ParserLimits;

import java.time.Duration;
import java.util.Set;

/** The configuration a client stream consults, read once from {@link ParleyConfig}. */
public record StreamSettings(Set<String> domains, String defaultDomain, StartTlsPolicy startTls,
                             ParserLimits unauthenticatedLimits, ParserLimits authenticatedLimits,
                             Set<String> saslMechanisms, int maxAuthFailures, ConflictPolicy resourceConflict,
                             Duration unauthenticatedTimeout, DecoyCredentials decoys) {

    public static StreamSettings from(ParleyConfig config) {
        var limits = config.limits();
        return new StreamSettings(Set.copyOf(config.domains()), config.defaultDomain(), config.tls().starttls(),
                new ParserLimits(limits.stanzaBytesUnauthenticated(), limits.depthUnauthenticated(), limits.attributes(),
                        4096),
                new ParserLimits(limits.stanzaBytes(), limits.depth(), limits.attributes(), 4096),
                Set.copyOf(config.auth().mechanisms()), config.auth().maxFailuresPerConnection(),
                config.resources().conflict(), limits.unauthenticatedTimeout(),
                new DecoyCredentials(randomSecret(), config.auth().scramIterations()));
    }

    /** Decoys for unknown accounts use the real iteration count, so their exchange costs the client what a real one does. */
    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return secret;
    }
}
