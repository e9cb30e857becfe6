package dev.parley.server.api.storage;

/**
 * The store's bounded queue of pending work is full, so the operation was refused without being attempted.
 *
 * <p>This is back-pressure, not data loss: nothing was written. Callers that care about durability (stream management,
 * the archive) slow their producers down (stop reading the socket) before the queue fills, and treat this exception
 * as the last line of defence: retry later or report a {@code resource-constraint} / {@code wait} error upstream.
 */
public class StorageOverloadedException extends StorageException {
    public StorageOverloadedException(String message) {
        super(message);
    }
}
