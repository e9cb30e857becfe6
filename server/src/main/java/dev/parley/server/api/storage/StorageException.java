package dev.parley.server.api.storage;

/**
 * A storage operation failed: the store is closed, overloaded, or its backend reported an error. Stores complete
 * their stages exceptionally with this type (or a subtype) so callers need to handle one exception family only.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
