package dev.parley.server.cli;

import dev.parley.server.ServerCore;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.parley.server.cli.CliTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parley start} in a JVM of its own, as an operator runs it: it reports where it listens, serves the account
 * commands of another process through its admin interface, and on SIGTERM shuts down cleanly, leaving a store another
 * process can open and no published endpoint.
 */
class StartCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsUntilTerminatedThenReleasesEverything() throws Exception {
        Path config = CliTesting.writeConfig(dir);
        String java = ProcessHandle.current().info().command().orElseThrow();
        // The distribution's logging configuration, not the tests': stdout must carry the banner alone.
        Process server = new ProcessBuilder(java, "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"),
                ParleyCli.class.getName(), "start", "--config", config.toString())
                .redirectError(dir.resolve("server.err").toFile())
                .start();
        try {
            List<String> banner = CompletableFuture.supplyAsync(() -> readBanner(server))
                    .get(120, TimeUnit.SECONDS);

            assertThat(banner.getFirst()).isEqualTo("Parley is serving localhost");
            assertThat(String.join("\n", banner)).contains("c2s", "admin", "adduser --config " + config);

            CliTesting.Run added = run("adduser", "--config", config.toString(), "alice@localhost", "first-secret");
            assertThat(added.exitCode()).isZero();
        } finally {
            server.destroy();
        }

        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("data/admin.address")).doesNotExist();
        assertThat(dir.resolve("data/admin.token")).doesNotExist();
        try (ServerCore core = ServerCore.open(ConfigLoader.load(config), new SessionRegistry())) {
            assertThat(core.accounts().exists(Jid.parse("alice@localhost")).toCompletableFuture().join()).isTrue();
        }
    }

    private static List<String> readBanner(Process server) {
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("Stop with")) {
                    return lines;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("the server ended before it was ready; its output: " + lines);
    }
}
