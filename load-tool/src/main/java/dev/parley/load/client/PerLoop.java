package dev.parley.load.client;

import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One instance of some state per event loop, so that each loop records into its own without locks; a reader sees
 * them all after {@link Transport#onEachLoop}.
 */
public final class PerLoop<T> {
    private final Map<EventExecutor, T> byLoop = new IdentityHashMap<>();

    public PerLoop(Transport transport, Supplier<T> factory) {
        for (EventExecutor loop : transport.group()) {
            byLoop.put(loop, factory.get());
        }
    }

    public T get(EventExecutor loop) {
        T state = byLoop.get(loop);
        if (state == null) {
            throw new IllegalArgumentException("not an event loop of this transport: " + loop);
        }
        return state;
    }

    /** Runs {@code action} on each loop with that loop's state, one loop after the other, and waits for each. */
    public void onEach(Consumer<T> action) {
        byLoop.forEach((loop, state) -> loop.submit(() -> action.accept(state)).syncUninterruptibly());
    }

    public List<T> all() {
        return new ArrayList<>(byLoop.values());
    }
}
