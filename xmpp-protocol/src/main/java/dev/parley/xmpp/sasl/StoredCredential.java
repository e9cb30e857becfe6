package dev.parley.xmpp.sasl;

import java.util.Map;
import java.util.Optional;

/** All SCRAM credentials kept for one account, one per hash algorithm. */
public record StoredCredential(Map<ScramAlgorithm, ScramCredential> scram) {
    /** @throws IllegalArgumentException if a credential is filed under another algorithm than its own */
    public StoredCredential {
        scram.forEach((algorithm, credential) -> {
            if (credential.algorithm() != algorithm) {
                throw new IllegalArgumentException(credential.algorithm() + " credential filed under " + algorithm);
            }
        });
        scram = Map.copyOf(scram);
    }

    public Optional<ScramCredential> forAlgorithm(ScramAlgorithm algorithm) {
        return Optional.ofNullable(scram.get(algorithm));
    }
}
