package dev.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

class SubscriptionRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SubscriptionRateLimiter limiter = new SubscriptionRateLimiter(3, now::get);
    private final Jid alice = Jid.parse("alice@example.com");

    @Test
    void aBurstUpToTheLimitPassesThenRequestsRefillOverTheMinute() {
        assertThat(limiter.tryAcquire(alice)).isTrue();
        assertThat(limiter.tryAcquire(alice)).isTrue();
        assertThat(limiter.tryAcquire(alice)).isTrue();
        assertThat(limiter.tryAcquire(alice)).isFalse();
        assertThat(limiter.tryAcquire(Jid.parse("bob@example.com"))).as("accounts have their own bucket").isTrue();

        now.addAndGet(19_000_000_000L);
        assertThat(limiter.tryAcquire(alice)).as("a third of a minute earns less than one").isFalse();
        now.addAndGet(1_000_000_000L);
        assertThat(limiter.tryAcquire(alice)).isTrue();
        assertThat(limiter.tryAcquire(alice)).isFalse();
    }

    @Test
    void refusedRequestsDoNotDelayTheRefill() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(alice);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.tryAcquire(alice)).isFalse();
        }
        now.addAndGet(60_000_000_000L);
        assertThat(limiter.tryAcquire(alice)).isTrue();
    }

    @Test
    void idleAccountsAreForgottenSoMemoryStaysBounded() {
        for (int i = 0; i <= SubscriptionRateLimiter.PRUNE_ABOVE; i++) {
            limiter.tryAcquire(Jid.parse("user" + i + "@example.com"));
        }
        now.addAndGet(60_000_000_000L);
        limiter.tryAcquire(alice);

        assertThat(limiter.trackedAccounts()).isLessThanOrEqualTo(1);
    }
}
