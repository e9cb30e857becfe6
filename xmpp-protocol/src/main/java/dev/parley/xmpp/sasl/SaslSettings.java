package dev.parley.xmpp.sasl;

import java.util.Objects;
import java.util.Optional;

/**
 * Server-wide inputs the mechanisms need besides the TLS state: the domain the client authenticates to (so an
 * authzid in bare-JID form can be recognised as the client's own, RFC 6120 §6.3.8) and the decoys for unknown
 * accounts.
 */
public final class SaslSettings {
    private static final SaslSettings DEFAULTS = new SaslSettings(null, DecoyCredentials.processWide());

    private final String domain;
    private final DecoyCredentials decoys;

    /**
     * @param domain the XMPP domain of the stream ({@code to} of the stream header), or null if unknown; without it
     *               only an authzid equal to the username is accepted
     * @param decoys stand-in credentials for unknown accounts
     */
    public SaslSettings(String domain, DecoyCredentials decoys) {
        this.domain = domain;
        this.decoys = Objects.requireNonNull(decoys, "decoys");
    }

    /** No domain, the process-wide decoys. */
    public static SaslSettings defaults() {
        return DEFAULTS;
    }

    /** The given domain and the process-wide decoys. */
    public static SaslSettings forDomain(String domain) {
        return new SaslSettings(Objects.requireNonNull(domain, "domain"), DecoyCredentials.processWide());
    }

    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    public DecoyCredentials decoys() {
        return decoys;
    }
}
