package dev.parley.xmpp.sasl;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The mechanisms one stream may use (RFC 6120 §6.4.1): built from its TLS state, the channel bindings its TLS session
 * offers and the mechanisms the operator enabled. -PLUS variants are offered only when a binding exists, PLAIN only
 * over TLS. The list is in preference order, strongest first, which is the order to advertise them in.
 */
public final class SaslMechanisms {
    private static final List<ScramAlgorithm> STRONGEST_FIRST =
            List.of(ScramAlgorithm.SHA_512, ScramAlgorithm.SHA_256, ScramAlgorithm.SHA_1);
    private static final List<String> SUPPORTED = supportedInPreferenceOrder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ChannelBinding> bindings;
    private final SaslSettings settings;
    private final List<String> offered;

    /**
     * @param bindings     channel-binding type → data of the stream's TLS session (empty without TLS)
     * @param enabledNames the operator's choice, a subset of {@link #supportedNames()}
     * @throws IllegalArgumentException if {@code enabledNames} contains a name Parley does not support
     */
    public SaslMechanisms(boolean tlsActive, Map<String, ChannelBinding> bindings, Set<String> enabledNames) {
        this(tlsActive, bindings, enabledNames, SaslSettings.defaults());
    }

    public SaslMechanisms(boolean tlsActive, Map<String, ChannelBinding> bindings, Set<String> enabledNames,
                          SaslSettings settings) {
        for (String name : enabledNames) {
            if (!SUPPORTED.contains(name)) {
                throw new IllegalArgumentException("unsupported SASL mechanism: " + name);
            }
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        boolean bindable = tlsActive && !bindings.isEmpty();
        List<String> names = new ArrayList<>();
        for (String name : SUPPORTED) {
            boolean allowed = name.endsWith("-PLUS") ? bindable : !name.equals(PlainMechanism.NAME) || tlsActive;
            if (allowed && enabledNames.contains(name)) {
                names.add(name);
            }
        }
        this.offered = List.copyOf(names);
        // A non-PLUS mechanism treats known bindings as "the server offers -PLUS" (downgrade check, RFC 5802 §6),
        // so it must see none when no -PLUS mechanism is actually advertised.
        boolean plusOffered = offered.stream().anyMatch(name -> name.endsWith("-PLUS"));
        this.bindings = plusOffered ? Map.copyOf(bindings) : Map.of();
    }

    /** Every mechanism name Parley implements, strongest first (for validating configuration). */
    public static List<String> supportedNames() {
        return SUPPORTED;
    }

    /** The names to advertise in {@code <mechanisms/>}, strongest first. */
    public List<String> offered() {
        return offered;
    }

    /**
     * The channel-binding types the -PLUS mechanisms accept on this stream, for XEP-0440
     * {@code <sasl-channel-binding/>}; empty when no -PLUS mechanism is offered.
     */
    public Set<String> channelBindingTypes() {
        return bindings.keySet();
    }

    /** A fresh mechanism for one attempt, or empty if {@code name} is not offered (answer {@code invalid-mechanism}). */
    public Optional<SaslMechanism> create(String name) {
        if (!offered.contains(name)) {
            return Optional.empty();
        }
        if (name.equals(PlainMechanism.NAME)) {
            return Optional.of(new PlainMechanism(settings));
        }
        for (ScramAlgorithm algorithm : STRONGEST_FIRST) {
            boolean plus = name.equals(algorithm.plusMechanismName());
            if (plus || name.equals(algorithm.mechanismName())) {
                return Optional.of(new ScramMechanism(algorithm, plus, bindings, RANDOM, settings));
            }
        }
        throw new IllegalStateException("offered but not creatable: " + name);
    }

    private static List<String> supportedInPreferenceOrder() {
        List<String> names = new ArrayList<>();
        STRONGEST_FIRST.forEach(algorithm -> names.add(algorithm.plusMechanismName()));
        STRONGEST_FIRST.forEach(algorithm -> names.add(algorithm.mechanismName()));
        names.add(PlainMechanism.NAME);
        return List.copyOf(names);
    }
}
