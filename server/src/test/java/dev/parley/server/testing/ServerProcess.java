package dev.parley.server.testing;

import dev.parley.server.cli.ParleyCli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Parley node in a JVM of its own, started with {@code parley start} on a data directory that outlives it, so that a
 * test can kill it with SIGKILL (no shutdown hook, no flush) and start it again on what the disk kept. Same test
 * profile as {@link TestServer}, with a fixed c2s port chosen free at creation so that clients can reconnect.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path config;
    private final Path log;
    private final int c2sPort;
    private Process process;

    private ServerProcess(Path config, Path log, int c2sPort) {
        this.config = config;
        this.log = log;
        this.c2sPort = c2sPort;
    }

    /** Prepares a node in {@code directory}; nothing runs until {@link #start()}. */
    public static ServerProcess in(Path directory, String extraYaml) throws IOException {
        int port = freePort();
        Path config = directory.resolve("parley.yaml");
        Files.writeString(config, """
                domains: [%s]
                data-dir: %s
                listeners:
                  c2s: {port: %d, address: 127.0.0.1}
                  c2s-direct-tls: {enabled: false}
                  admin: {enabled: false}
                auth:
                  scram-iterations: 4096
                """.formatted(TestServer.DOMAIN, directory.resolve("data"), port) + extraYaml);
        return new ServerProcess(config, directory.resolve("server.log"), port);
    }

    public int c2sPort() {
        return c2sPort;
    }

    /** Creates an account with the node stopped, as {@code parley adduser} does. */
    public void addUser(String username, String password) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the node is running");
        }
        int exit = ParleyCli.commandLine().execute("adduser", "--config", config.toString(),
                username + '@' + TestServer.DOMAIN, password);
        if (exit != 0) {
            throw new IllegalStateException("adduser " + username + " failed with status " + exit);
        }
    }

    /** Starts the node and returns once its c2s listener accepts connections. */
    public void start() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        process = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ParleyCli.class.getName(),
                "start", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!accepts()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the node did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILL: the node gets no chance to flush or close anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", c2sPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
