package dev.parley.server.pep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.jid.Jid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** {@link NodeOrder}: steps on one node run one at a time in submission order; other nodes do not wait. */
class NodeOrderTest {
    private static final Jid ALICE = Jid.parse("alice@example.com");

    @Test
    void aStepOnANodeStartsOnlyWhenTheStepBeforeItCompletedAndIdleNodesAreForgotten() {
        NodeOrder order = new NodeOrder(Runnable::run);
        List<String> started = new ArrayList<>();
        CompletableFuture<String> first = new CompletableFuture<>();

        CompletionStage<String> a = order.run(ALICE, "n", () -> {
            started.add("a");
            return first;
        });
        CompletionStage<String> b = order.run(ALICE, "n", () -> {
            started.add("b");
            return CompletableFuture.completedFuture("b");
        });
        order.run(ALICE, "other", () -> {
            started.add("other");
            return CompletableFuture.completedFuture("o");
        });

        assertThat(started).containsExactly("a", "other");
        assertThat(order.busyNodes()).isEqualTo(1);
        first.complete("a");
        assertThat(started).containsExactly("a", "other", "b");
        assertThat(a.toCompletableFuture().join()).isEqualTo("a");
        assertThat(b.toCompletableFuture().join()).isEqualTo("b");
        assertThat(order.busyNodes()).isZero();
    }

    @Test
    void aFailingStepDoesNotStopTheNextOne() {
        NodeOrder order = new NodeOrder(Runnable::run);

        CompletionStage<String> failed = order.run(ALICE, "n", () -> {
            throw new IllegalStateException("boom");
        });
        CompletionStage<String> next = order.run(ALICE, "n", () -> CompletableFuture.completedFuture("ok"));

        assertThat(failed.toCompletableFuture().isCompletedExceptionally()).isTrue();
        assertThat(next.toCompletableFuture().join()).isEqualTo("ok");
        assertThat(order.busyNodes()).isZero();
    }
}
