package dev.parley.server.admin.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a running server's admin interface listens and the bearer token it accepts, handed to local tools through two
 * files in the data directory: {@value #ADDRESS_FILE} (a base URI) and {@value #TOKEN_FILE} (readable by the owner
 * only). Whoever can read the data directory can administer the server, and nobody else.
 */
public record AdminEndpoint(URI uri, String token) {
    public static final String ADDRESS_FILE = "admin.address";
    public static final String TOKEN_FILE = "admin.token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final long MAX_FILE_SIZE = 1024;

    public AdminEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(token, "token");
    }

    /** A new random bearer token. */
    static String newToken() {
        byte[] secret = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The base URI through which local tools reach a socket bound at {@code bound}. */
    static URI uriFor(InetSocketAddress bound) {
        // A wildcard bind is reachable through loopback, the only address a local tool should use.
        InetAddress host = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        String literal = host.getHostAddress();
        String authority = literal.contains(":") ? "[" + literal + "]" : literal;
        return URI.create("http://" + authority + ":" + bound.getPort() + "/");
    }

    /**
     * The endpoint a server running on {@code dataDir} published, or empty when it published none (its admin interface
     * is disabled, or it has not finished starting).
     */
    public static Optional<AdminEndpoint> read(Path dataDir) {
        Path address = dataDir.resolve(ADDRESS_FILE);
        Path token = dataDir.resolve(TOKEN_FILE);
        if (!Files.isRegularFile(address) || !Files.isRegularFile(token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AdminEndpoint(URI.create(readSmall(address)), readSmall(token)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin endpoint in " + dataDir + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(address + " does not hold a URI", e);
        }
    }

    /** Publishes this endpoint: the token first, so a tool that finds the address also finds its token. */
    void publish(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            writeAtomically(dataDir.resolve(TOKEN_FILE), token);
            writeAtomically(dataDir.resolve(ADDRESS_FILE), uri.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the admin endpoint in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Removes the published files: the address first, so no tool picks up a token that is about to go stale. */
    static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(ADDRESS_FILE));
            Files.deleteIfExists(dataDir.resolve(TOKEN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the admin endpoint in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AdminEndpoint[" + uri + "]";
    }

    private static String readSmall(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_SIZE) {
            throw new IOException(file + " is too large");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** Writes through an owner-only temporary file and a rename, so readers never see a partial or readable secret. */
    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                ownerOnly());
        try {
            Files.writeString(temporary, content + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
