package dev.parley.conformance.sint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.igniterealtime.smack.inttest.Configuration;

/**
 * The specifications Parley claims to implement, as SINT names them (e.g. {@code RFC6121}, {@code XEP-0199}; for a SINT
 * class without a specification reference, its simple class name). A claim holds when at least one of the
 * specification's tests passed and none failed: a claimed specification whose tests were all impossible or never ran
 * would otherwise hide breakage.
 */
public record ClaimedSpecifications(List<String> ids) {

    public ClaimedSpecifications {
        ids = List.copyOf(ids);
    }

    public static ClaimedSpecifications none() {
        return new ClaimedSpecifications(List.of());
    }

    /** One id per line; blank lines and {@code #} comments are ignored. */
    public static ClaimedSpecifications parse(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String id = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return new ClaimedSpecifications(ids);
    }

    public static ClaimedSpecifications read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    /**
     * The claims a partial run ({@code parley.sint.classes}) can check: those covered by the selected classes. A full
     * run checks every claim, so a claim no class covers still fails there.
     */
    public ClaimedSpecifications coveredBy(List<SintTestClass> classes) {
        return new ClaimedSpecifications(ids.stream()
                .filter(id -> classes.stream().anyMatch(c -> Configuration.normalizeSpecification(c.specification())
                        .equals(Configuration.normalizeSpecification(id))))
                .toList());
    }

    public boolean isClaimed(String specification) {
        String normalized = Configuration.normalizeSpecification(specification);
        return ids.stream().anyMatch(id -> Configuration.normalizeSpecification(id).equals(normalized));
    }

    List<String> violations(ConformanceReport report) {
        List<String> violations = new ArrayList<>();
        for (String id : ids) {
            Optional<SpecificationTally> tally = report.tally(id);
            if (tally.isEmpty()) {
                violations.add(id + ": no SINT test class covers it in this run");
            } else if (tally.get().failed() > 0) {
                violations.add(id + ": " + tally.get().failed() + " test(s) failed");
            } else if (tally.get().passed() == 0) {
                violations.add(id + ": no test passed (" + tally.get().impossible() + " impossible)");
            }
        }
        return violations;
    }
}
