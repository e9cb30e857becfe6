package dev.parley.conformance.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.parley.conformance.Account;
import dev.parley.conformance.XmppServerUnderTest;

/**
 * Runs {@code src/test/python/slixmpp_echo.py} as a subprocess: a slixmpp client that logs in to the server under test
 * (STARTTLS, SCRAM-SHA-256), sends one message and waits for an expected reply.
 *
 * <p>The interpreter is {@code parley.python} if set, else Debian's {@code /usr/bin/python3} (where the
 * {@code python3-slixmpp} package installs), else {@code python3} from the PATH. The password reaches the script through
 * its environment, not its command line.
 */
public final class SlixmppEcho {

    /** How the script ended: its exit status (0 = reply received) and its output. */
    public record Result(int exitStatus, String output) {
    }

    private SlixmppEcho() {
    }

    public static Result exchange(XmppServerUnderTest server, Account account, String peerJid, String body,
                                  String expectedReply, Duration timeout) throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("slixmpp-echo");
        try {
            List<String> command = new ArrayList<>(List.of(python(), script().toString(),
                    "--jid", account.username() + '@' + server.domain(),
                    "--host", server.c2sAddress().getAddress().getHostAddress(),
                    "--port", Integer.toString(server.c2sAddress().getPort()),
                    "--to", peerJid, "--body", body, "--expect", expectedReply,
                    "--timeout", Long.toString(timeout.toSeconds())));
            if (!server.tlsTrust().isTrustAll()) {
                Path caFile = workDir.resolve("trust.pem");
                Files.writeString(caFile, server.tlsTrust().anchorsAsPem());
                command.addAll(List.of("--cafile", caFile.toString()));
            }
            Path output = workDir.resolve("output.txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("XMPP_PASSWORD", account.password());
            Process process = builder.start();
            // The script enforces its own timeout; the margin covers interpreter start-up and teardown.
            if (!process.waitFor(timeout.toSeconds() + 20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, "slixmpp_echo.py did not exit in time\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            deleteRecursively(workDir);
        }
    }

    static String python() {
        String configured = System.getProperty("parley.python", "").strip();
        if (!configured.isEmpty()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static Path script() {
        Path scripts = Path.of(System.getProperty("parley.python.scripts", "src/test/python"));
        return scripts.resolve("slixmpp_echo.py").toAbsolutePath();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
