package dev.parley.server.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Keeps one stream's inbound work in arrival order (RFC 6120 §10.1) even when some of it completes asynchronously:
 * a task starts only after the previous one completed. The common case, a task that completes at once, runs inline
 * with no allocation beyond its own stage. When too much work is waiting, reading from the socket stops until it drains.
 */
final class InboundSequencer {
    static final int PAUSE_READING_AT = 256;
    static final int RESUME_READING_AT = 64;

    private final StreamTransport transport;
    private CompletionStage<?> tail = CompletableFuture.completedFuture(null);
    private int pending;
    private boolean paused;

    InboundSequencer(StreamTransport transport) {
        this.transport = transport;
    }

    /** Runs {@code task} after everything submitted before it; called on the event loop. */
    void submit(Supplier<? extends CompletionStage<?>> task) {
        if (pending == 0) {
            track(run(task));
            return;
        }
        CompletableFuture<Object> next = new CompletableFuture<>();
        tail.whenCompleteAsync((ignored, failure) -> run(task).whenComplete((r, f) -> next.complete(r)),
                transport.executor());
        track(next);
    }

    private void track(CompletionStage<?> stage) {
        CompletableFuture<?> future = stage.toCompletableFuture();
        if (future.isDone()) {
            return;
        }
        tail = stage;
        pending++;
        if (pending >= PAUSE_READING_AT && !paused) {
            paused = true;
            transport.setReading(false);
        }
        stage.whenCompleteAsync((r, f) -> {
            pending--;
            if (paused && pending <= RESUME_READING_AT) {
                paused = false;
                transport.setReading(true);
            }
        }, transport.executor());
    }

    private static CompletionStage<?> run(Supplier<? extends CompletionStage<?>> task) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
