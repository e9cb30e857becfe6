package dev.parley.server.api.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An embedded store's data directory is already open, by another Parley process or earlier in this one.
 *
 * <p>The CLI relies on this type: when it sees it, a server is running on that directory and the CLI talks to that
 * server's admin interface instead of opening the data itself.
 */
public class StoreLockedException extends StorageException {
    private final Path directory;

    public StoreLockedException(Path directory, String message) {
        super(message);
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The data directory that is in use. */
    public Path directory() {
        return directory;
    }
}
