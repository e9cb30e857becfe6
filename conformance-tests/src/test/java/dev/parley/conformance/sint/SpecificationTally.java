package dev.parley.conformance.sint;

import org.igniterealtime.smack.inttest.Configuration;

/** Counts of one specification's concrete tests by status. */
public record SpecificationTally(String specification, int passed, int failed, int impossible, int clientRace) {

    static SpecificationTally empty(String specification) {
        return new SpecificationTally(specification, 0, 0, 0, 0);
    }

    SpecificationTally plus(TestOutcome outcome) {
        return switch (outcome.status()) {
            case PASSED -> new SpecificationTally(specification, passed + 1, failed, impossible, clientRace);
            case FAILED -> new SpecificationTally(specification, passed, failed + 1, impossible, clientRace);
            case IMPOSSIBLE -> new SpecificationTally(specification, passed, failed, impossible + 1, clientRace);
            case CLIENT_RACE -> new SpecificationTally(specification, passed, failed, impossible, clientRace + 1);
        };
    }

    /** Whether {@code id} names this specification, compared the way SINT compares them ({@code XEP-0199} = {@code xep0199}). */
    public boolean isNamed(String id) {
        String normalized = Configuration.normalizeSpecification(id);
        return normalized != null && normalized.equals(Configuration.normalizeSpecification(specification));
    }
}
