package dev.parley.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh, empty database directory for one trial of a storage benchmark, on the medium it asks for, deleted
 * afterwards.
 *
 * <ul>
 *   <li>{@code disk}: under the system property {@value #DISK_PROPERTY} if set, else under this module's
 *       {@code target/} directory, which lives where the checkout does. An fsync there reaches the device.</li>
 *   <li>{@code tmpfs}: under {@code /dev/shm}, where an fsync returns at once because there is no device: the same
 *       code path with durability switched off, since Parley's writer always syncs.</li>
 * </ul>
 * Each is checked to really be (or not be) a tmpfs, so a mislabelled result cannot happen silently.
 */
final class StoreDirectory implements AutoCloseable {
    static final String DISK_PROPERTY = "parley.benchmarks.disk";
    private static final Path TMPFS = Path.of("/dev/shm");

    private final Path path;

    private StoreDirectory(Path path) {
        this.path = path;
    }

    /** @param medium {@code disk} or {@code tmpfs} */
    static StoreDirectory create(String medium) {
        Path base = switch (medium) {
            case "disk" -> diskBase();
            case "tmpfs" -> TMPFS;
            default -> throw new IllegalArgumentException("unknown medium " + medium + "; use disk or tmpfs");
        };
        try {
            Files.createDirectories(base);
            String type = Files.getFileStore(base).type();
            if (type.equals("tmpfs") != medium.equals("tmpfs")) {
                throw new IllegalStateException(base + " is on a " + type + " file system, which is not what '"
                        + medium + "' means; set -D" + DISK_PROPERTY + " to a directory on a disk");
            }
            return new StoreDirectory(Files.createTempDirectory(base, "parley-bench-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a store directory under " + base, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private static Path diskBase() {
        String configured = System.getProperty(DISK_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            // target/classes (or a jar in target/) -> target/
            Path classes = Path.of(StoreDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve("storage-benchmarks");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks' build directory", e);
        }
    }
}
