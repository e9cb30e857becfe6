package dev.parley.server.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Random secrets a server keeps in its data directory so that what it derives from them (archive ids, occupant ids)
 * stays the same across restarts. A secret is made once, owner-only where the file system has POSIX permissions,
 * and appears whole or not at all: it is written to a temporary file, forced to disk and then linked under its name,
 * and a link never replaces an existing file, so two openers racing agree on the first one's secret.
 */
public final class SecretFiles {
    private SecretFiles() {
    }

    /**
     * The secret in {@code dataDir/name}, made with {@code length} random bytes when the file does not exist.
     *
     * @throws IOException when it cannot be read or made, or the file does not hold {@code length} bytes
     */
    public static byte[] readOrCreate(Path dataDir, String name, int length) throws IOException {
        Path file = dataDir.resolve(name);
        if (!Files.exists(file)) {
            create(dataDir, file, length);
        }
        byte[] secret = Files.readAllBytes(file);
        if (secret.length != length) {
            throw new IOException(file + " is damaged: " + secret.length + " bytes instead of " + length);
        }
        return secret;
    }

    private static void create(Path dataDir, Path file, int length) throws IOException {
        Files.createDirectories(dataDir);
        byte[] secret = new byte[length];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(dataDir, file.getFileName().toString(), ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(secret));
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, file); // no hard links here: a move that also refuses to replace
            }
        } catch (FileAlreadyExistsException e) {
            // Another opener won the race; its secret stands.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
