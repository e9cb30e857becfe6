package dev.parley.conformance.sint;

import java.util.List;
import java.util.Optional;

/**
 * What one framework run of one SINT test class produced.
 *
 * @param testClass the class that was run
 * @param outcomes  one per concrete test, including tests the run never reached (as failures)
 * @param abort     why the run ended early (an exception SINT does not contain, or the class time limit), if it did
 * @param millis    wall-clock time of the run
 */
public record ClassRun(SintTestClass testClass, List<TestOutcome> outcomes, Optional<String> abort, long millis) {

    public ClassRun {
        outcomes = List.copyOf(outcomes);
    }
}
