package dev.parley.server.caps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The global cache of XEP-0115 §5.4 3.8: verified verification strings and the features behind them, shared by every
 * client that announces the same one. It holds at most {@code capacity} of them and forgets the least recently used
 * first; a client already known keeps its features however the cache changes, so eviction only costs another query.
 */
final class VerifiedFeatures {
    private final Map<Caps.Version, Set<String>> byVersion;

    VerifiedFeatures(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.byVersion = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Caps.Version, Set<String>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The features behind a verified version, or null when it is not (or no longer) known. */
    synchronized Set<String> get(Caps.Version version) {
        return byVersion.get(version);
    }

    synchronized void put(Caps.Version version, Set<String> features) {
        byVersion.put(version, Set.copyOf(features));
    }

    synchronized int size() {
        return byVersion.size();
    }
}
