package dev.parley.load.client;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramClientProofs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SCRAM salted passwords, {@code Hi(password, salt, i)} of RFC 5802 §2.2, derived on one background thread so that a
 * derivation (thousands of HMACs) never stalls an event loop, and kept per account and salt: a client that has logged in
 * once does not pay for the derivation again, so login figures measure the server, not the client.
 */
public final class SaltedPasswords implements AutoCloseable {
    /** Bounds the memory held for accounts; past it, derivations are simply not kept. */
    private static final int MAX_ENTRIES = 200_000;

    private final Map<String, CompletableFuture<byte[]>> cache = new ConcurrentHashMap<>();
    private final ExecutorService deriver = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "load-scram");
        thread.setDaemon(true);
        return thread;
    });

    CompletionStage<byte[]> get(ScramAlgorithm algorithm, String username, String password, byte[] salt,
                                int iterations) {
        String key = algorithm + "\0" + username + "\0" + password + "\0" + Base64.getEncoder().encodeToString(salt)
                + "\0" + iterations;
        if (cache.size() >= MAX_ENTRIES) {
            CompletableFuture<byte[]> known = cache.get(key);
            return known != null ? known : derive(algorithm, password, salt, iterations);
        }
        return cache.computeIfAbsent(key, absent -> derive(algorithm, password, salt, iterations));
    }

    private CompletableFuture<byte[]> derive(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        return CompletableFuture.supplyAsync(
                () -> ScramClientProofs.saltedPassword(algorithm, password.getBytes(StandardCharsets.UTF_8), salt,
                        iterations), deriver);
    }

    @Override
    public void close() {
        deriver.shutdownNow();
    }
}
