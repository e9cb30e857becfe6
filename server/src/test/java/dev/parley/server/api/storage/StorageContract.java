package dev.parley.server.api.storage;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every store contract suite ({@link AccountStoreContract}, and the roster, archive, ... suites after it):
 * written once against the SPI, run against every provider by a subclass that only says how to make storage.
 *
 * <p>Each test gets a new, empty storage and a provider open on it; {@link #reopen()} closes that provider and opens
 * a new one on the same data, which is how the suites check durability.
 */
public abstract class StorageContract {
    private static final long TIMEOUT_SECONDS = 30;

    /** Backing storage for one test (a directory, a keyspace): opened, closed and reopened by the suite. */
    @FunctionalInterface
    public interface StorageFixture {
        /** Opens a provider; once the previous provider is closed, the new one sees all of its data. */
        StorageProvider open();

        /** Discards the storage after the test (drops a keyspace, say); a temporary directory needs nothing. */
        default void discard() throws Exception {
        }
    }

    private StorageFixture storage;
    private StorageProvider provider;

    /** A new, empty storage for one test. */
    protected abstract StorageFixture newStorage() throws Exception;

    @BeforeEach
    final void openStorage() throws Exception {
        storage = newStorage();
        provider = storage.open();
    }

    @AfterEach
    final void closeStorage() throws Exception {
        try {
            provider.close();
        } finally {
            storage.discard();
        }
    }

    protected final StorageProvider provider() {
        return provider;
    }

    /** Closes the provider and opens another one on the same storage. */
    protected final void reopen() {
        provider.close();
        provider = storage.open();
    }

    /** The stage's value; fails the test if it failed or took too long. */
    protected static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("stage failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("stage did not complete in " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The exception the stage failed with; fails the test if it succeeded. */
    protected static Throwable awaitFailure(CompletionStage<?> stage) {
        try {
            Object value = stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("stage succeeded with " + value + " but should have failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("stage did not complete in " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
