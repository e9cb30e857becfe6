package dev.parley.server.roster;

import dev.parley.xmpp.jid.Jid;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits the presence subscription requests (RFC 6121 §3.1) each account sends: a token bucket per account holding up
 * to {@code perMinute} requests and refilling at {@code perMinute} a minute, so a client adding many contacts at once
 * is served while a flood is cut off. Buckets that are full again carry no information and are dropped once many
 * accounts have one, which keeps the memory bounded by the accounts sending right now.
 */
final class SubscriptionRateLimiter {
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    static final int PRUNE_ABOVE = 10_000;

    private record Bucket(double tokens, long updated) {
    }

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<Jid, Bucket> buckets = new ConcurrentHashMap<>();

    SubscriptionRateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive: " + perMinute);
        }
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from {@code account}'s bucket; false, taking nothing, when it is empty. */
    boolean tryAcquire(Jid account) {
        long now = nanoTime.getAsLong();
        boolean[] granted = new boolean[1];
        buckets.compute(account, (key, bucket) -> {
            double tokens = bucket == null ? perMinute : refilled(bucket, now);
            granted[0] = tokens >= 1;
            return new Bucket(granted[0] ? tokens - 1 : tokens, now);
        });
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.entrySet().removeIf(entry -> refilled(entry.getValue(), now) >= perMinute);
        }
        return granted[0];
    }

    int trackedAccounts() {
        return buckets.size();
    }

    private double refilled(Bucket bucket, long now) {
        double earned = (double) (now - bucket.updated()) * perMinute / NANOS_PER_MINUTE;
        return Math.min(perMinute, bucket.tokens() + earned);
    }
}
