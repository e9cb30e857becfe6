package dev.parley.server.stream.sm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** SM-IDs: unpredictable, bound to their account, claimed by exactly one, expired only by their own timeout. */
class ResumptionRegistryTest {
    private static final Jid ALICE = Jid.parse("alice@example.com/phone");
    private static final Jid MALLORY = Jid.parse("mallory@example.com/x");

    private final ResumptionRegistry<String> registry = new ResumptionRegistry<>(2);

    @Test
    void idsAreLongRandomAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = registry.register(ALICE, "session" + i);
            assertThat(id).hasSizeGreaterThanOrEqualTo(24);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void aForeignAccountCannotClaimAndLeavesTheSessionAlone() {
        String id = registry.register(ALICE, "s");
        assertThat(registry.claim(id, MALLORY)).isEmpty();
        assertThat(registry.peek(id, MALLORY)).isEmpty();
        assertThat(registry.claim(id, ALICE.bare())).contains("s");
        assertThat(registry.claim(id, ALICE)).as("claimed once only").isEmpty();
    }

    @Test
    void anExpiredSessionIsGoneAndAStaleTimeoutCannotRemoveARegistrationAfterResumption() {
        String id = registry.register(ALICE, "s");
        var firstDetach = registry.detach(id, "s").orElseThrow();
        assertThat(registry.detachedCount()).isEqualTo(1);
        assertThat(registry.claim(id, ALICE)).contains("s");
        registry.reattached(id, ALICE, "s");
        assertThat(registry.expire(id, firstDetach)).as("the old timeout fires after resumption").isFalse();
        assertThat(registry.peek(id, ALICE)).contains("s");

        var secondDetach = registry.detach(id, "s").orElseThrow();
        assertThat(registry.expire(id, secondDetach)).isTrue();
        assertThat(registry.claim(id, ALICE)).as("expired").isEmpty();
        assertThat(registry.detachedCount()).isZero();
    }

    @Test
    void detachedSessionsAreBounded() {
        String a = registry.register(ALICE, "a");
        String b = registry.register(ALICE, "b");
        String c = registry.register(ALICE, "c");
        assertThat(registry.detach(a, "a")).isPresent();
        assertThat(registry.detach(b, "b")).isPresent();
        assertThat(registry.detach(c, "c")).as("over the bound").isEmpty();
        registry.forget(a, "a");
        assertThat(registry.detach(c, "c")).isPresent();
    }

    @Test
    void ofManyRacingClaimsExactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            String id = registry.register(ALICE, "s" + round);
            registry.detach(id, "s" + round);
            AtomicInteger winners = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    registry.claim(id, ALICE).ifPresent(s -> winners.incrementAndGet());
                });
                threads[t].start();
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(winners.get()).isEqualTo(1);
        }
        assertThat(registry.detachedCount()).isZero();
    }
}
