package dev.parley.benchmarks;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A fixed number of asynchronous operations outstanding at all times, as that many sessions each waiting on their
 * own write: each completed operation is replaced by a new one. The storage benchmarks use it to measure throughput
 * at a given number of writes in flight, which is what group commit turns into fewer fsyncs.
 */
final class ClosedLoop<T> {
    private final ArrayDeque<CompletableFuture<T>> window = new ArrayDeque<>();
    private final int inFlight;
    private final Supplier<CompletableFuture<T>> submit;

    ClosedLoop(int inFlight, Supplier<CompletableFuture<T>> submit) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("at least one operation must be in flight: " + inFlight);
        }
        this.inFlight = inFlight;
        this.submit = submit;
    }

    /** Starts operations until {@code inFlight} are outstanding. */
    void fill() {
        while (window.size() < inFlight) {
            window.add(submit.get());
        }
    }

    /** Waits for the oldest outstanding operation, starts one in its place and returns the result it waited for. */
    T next() {
        T result = window.poll().join();
        window.add(submit.get());
        return result;
    }

    /** Waits for every outstanding operation, so that none runs into the next iteration or past the store's close. */
    void drain() {
        while (!window.isEmpty()) {
            window.poll().join();
        }
    }
}
