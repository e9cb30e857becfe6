package dev.parley.server.storage.rocksdb;

import dev.parley.server.api.storage.StorageException;
import dev.parley.server.api.storage.StoreLockedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Exclusive use of a data directory: an OS file lock on {@value #FILE_NAME} keeps other processes out, and a
 * registry keeps a second provider in this JVM out. The file holds the owner's pid, for the error message.
 *
 * <p>Why a registry and one monitor: on POSIX systems closing <em>any</em> channel of a file drops all of the
 * process's locks on it, so this JVM must never open and close a second channel on a lock file it holds. Every
 * acquire, release and probe therefore runs under {@link #MONITOR}, and a probe of a directory held here answers from
 * the registry without touching the file.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "parley.lock";
    private static final Object MONITOR = new Object();
    private static final Set<Path> HELD = new HashSet<>();

    private final Path directory;
    private final FileChannel channel;
    private boolean released;

    private DirectoryLock(Path directory, FileChannel channel) {
        this.directory = directory;
        this.channel = channel;
    }

    /**
     * @param directory an existing directory, as a real path (so two spellings of it are one key)
     * @throws StoreLockedException if another process or another provider in this JVM holds it
     */
    static DirectoryLock acquire(Path directory) {
        synchronized (MONITOR) {
            if (HELD.contains(directory)) {
                throw new StoreLockedException(directory,
                        "the data directory " + directory + " is already open in this process");
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(directory.resolve(FILE_NAME),
                        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new StoreLockedException(directory, "the data directory " + directory
                            + " is in use by another Parley process" + owner(channel));
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(
                        Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
                HELD.add(directory);
                return new DirectoryLock(directory, channel);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StorageException("cannot lock the data directory " + directory + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
    }

    /**
     * Whether a Parley process (this one included) has {@code directory} open. Probes with a shared lock, which needs
     * read access only; a server starting during the probe's microseconds would see the directory as locked.
     */
    static boolean isLocked(Path directory) {
        synchronized (MONITOR) {
            Path lockFile = directory.resolve(FILE_NAME);
            if (!Files.exists(lockFile)) {
                return false;
            }
            try {
                if (HELD.contains(directory.toRealPath())) {
                    return true;
                }
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
                    FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                    if (probe == null) {
                        return true;
                    }
                    probe.release();
                    return false;
                }
            } catch (IOException e) {
                throw new StorageException("cannot probe the lock of " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    /** Releases the directory; idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (MONITOR) {
            if (released) {
                return;
            }
            released = true;
            HELD.remove(directory);
            channel.close();
        }
    }

    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(20);
        channel.read(content, 0);
        String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("[0-9]{1,19}") ? " (pid " + pid + ")" : "";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing with the more useful exception.
            }
        }
    }
}
