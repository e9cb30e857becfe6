package dev.parley.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

class OutboundBudgetTest {
    private final AtomicLong unwritten = new AtomicLong();
    private final OutboundBudget budget = new OutboundBudget(1000, unwritten::get);

    @Test
    void refusesWhatWouldGoPastTheLimitCountingWhatTheChannelHolds() {
        assertThat(budget.reserve(600)).isTrue();
        unwritten.set(300);
        assertThat(budget.reserve(101)).as("600 + 300 + 101 > 1000").isFalse();
        assertThat(budget.queued()).as("a refusal counts nothing").isEqualTo(600);
        assertThat(budget.reserve(100)).isTrue();
        assertThat(budget.held()).isEqualTo(1000);

        budget.release(700);
        assertThat(budget.reserve(700)).isTrue();
        assertThat(budget.held()).isEqualTo(1000);
    }

    @Test
    void whatIsForcedInRaisesTheLimitUntilTheConnectionCaughtUp() {
        budget.force(5000);
        assertThat(budget.queued()).isEqualTo(5000);
        assertThat(budget.reserve(900)).as("the resent backlog does not cut the stream").isTrue();
        budget.release(5900);
        budget.caughtUp();
        assertThat(budget.reserve(1001)).isFalse();
        assertThat(budget.reserve(1000)).isTrue();
    }

    @Test
    void sendersOnManyThreadsNeverTogetherGoPastTheLimit() throws Exception {
        AtomicLong peak = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            threads.execute(() -> {
                for (int i = 0; i < 50_000; i++) {
                    int size = ThreadLocalRandom.current().nextInt(1, 200);
                    if (budget.reserve(size)) {
                        peak.accumulateAndGet(budget.queued(), Math::max);
                        budget.release(size);
                    }
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(peak.get()).isPositive().isLessThanOrEqualTo(1000);
        assertThat(budget.queued()).isZero();
    }
}
