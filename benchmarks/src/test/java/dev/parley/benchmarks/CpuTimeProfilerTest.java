package dev.parley.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;

class CpuTimeProfilerTest {
    @Test
    void reportsTheCpuTimeSpentBetweenTheIterationBoundsDividedByTheOperations() {
        CpuTimeProfiler profiler = new CpuTimeProfiler();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        profiler.beforeIteration(null, null);
        long before = threads.getCurrentThreadCpuTime();
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() - before < 50_000_000) { // 50 ms of CPU on this thread
            spin++;
        }
        List<? extends Result> results = List.copyOf(profiler.afterIteration(null, null, iterationOf(1000)));

        assertThat(spin).isPositive();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.getLabel()).isEqualTo("cpu");
            assertThat(result.getScoreUnit()).isEqualTo("ns/op");
            // At least the 50 ms this thread spun, spread over 1000 operations; other threads may add some.
            assertThat(result.getScore()).isGreaterThanOrEqualTo(50_000.0);
        });
    }

    @Test
    void reportsNothingForAnIterationWithoutOperations() {
        CpuTimeProfiler profiler = new CpuTimeProfiler();
        profiler.beforeIteration(null, null);
        assertThat(profiler.afterIteration(null, null, iterationOf(0))).isEmpty();
    }

    private static IterationResult iterationOf(long operations) {
        return new IterationResult(null, null, new IterationResultMetaData(operations, operations));
    }
}
