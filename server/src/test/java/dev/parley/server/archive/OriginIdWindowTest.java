package dev.parley.server.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.jid.Jid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OriginIdWindowTest {
    private static final Jid ALICE = Jid.parse("alice@example.com");
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final OriginIdWindow window = new OriginIdWindow(Duration.ofMinutes(10), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aRepeatWithinTheWindowSeesTheFirstOutcomeAndAfterItIsNew() {
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        assertThat(window.claim(ALICE, "o1", first)).isNull();
        assertThat(window.claim(ALICE, "o1", new CompletableFuture<>())).isSameAs(first);
        assertThat(window.claim(Jid.parse("bob@example.com"), "o1", new CompletableFuture<>())).isNull();

        now = now.plus(Duration.ofMinutes(11));

        assertThat(window.claim(ALICE, "o1", new CompletableFuture<>())).isNull();
    }

    @Test
    void aForgottenIdIsNewAgain() {
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        window.claim(ALICE, "o1", first);

        window.forget(ALICE, "o1", first);

        assertThat(window.claim(ALICE, "o1", new CompletableFuture<>())).isNull();
    }

    @Test
    void eachAccountKeepsOnlyItsLatestIds() {
        for (int i = 0; i <= OriginIdWindow.PER_ACCOUNT; i++) {
            window.claim(ALICE, "o" + i, new CompletableFuture<>());
        }

        assertThat(window.claim(ALICE, "o0", new CompletableFuture<>())).as("the oldest was dropped").isNull();
        assertThat(window.claim(ALICE, "o" + OriginIdWindow.PER_ACCOUNT, new CompletableFuture<>())).isNotNull();
        String tooLong = "x".repeat(OriginIdWindow.MAX_ID_LENGTH + 1);
        window.claim(ALICE, tooLong, new CompletableFuture<>());
        assertThat(window.claim(ALICE, tooLong, new CompletableFuture<>())).as("not remembered").isNull();
    }
}
