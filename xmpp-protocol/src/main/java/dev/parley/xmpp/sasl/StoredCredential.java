package dev.parley.xmpp.sasl;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** All SCRAM credentials kept for one account, one per hash algorithm. */
public record StoredCredential(Map<ScramAlgorithm, ScramCredential> scram) {
    public StoredCredential {
        scram = Map.copyOf(new EnumMap<>(scram));
    }

    public Optional<ScramCredential> forAlgorithm(ScramAlgorithm algorithm) {
        return Optional.ofNullable(scram.get(algorithm));
    }
}
