package dev.parley.conformance.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.parley.conformance.XmppServerUnderTest;

/**
 * Runs a slixmpp script of {@code src/test/python} as a subprocess against the server under test: the script gets
 * {@code --host}, {@code --port} and, when the server's certificate is to be verified, {@code --cafile}; secrets reach
 * it through its environment, never its command line.
 *
 * <p>The interpreter is {@code parley.python} if set, else Debian's {@code /usr/bin/python3} (where the
 * {@code python3-slixmpp} package installs), else {@code python3} from the PATH.
 */
final class SlixmppScript {

    /** How the script ended: its exit status and its output. */
    record Result(int exitStatus, String output) {
    }

    private SlixmppScript() {
    }

    /**
     * @param timeout the script enforces its own deadline; this one, plus a margin for interpreter start-up and
     *                teardown, is when the process is killed
     */
    static Result run(String script, XmppServerUnderTest server, List<String> arguments, Map<String, String> environment,
                      Duration timeout) throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory("slixmpp");
        try {
            List<String> command = new ArrayList<>(List.of(python(), scripts().resolve(script).toString(),
                    "--host", server.c2sAddress().getAddress().getHostAddress(),
                    "--port", Integer.toString(server.c2sAddress().getPort())));
            command.addAll(arguments);
            if (!server.tlsTrust().isTrustAll()) {
                Path caFile = workDir.resolve("trust.pem");
                Files.writeString(caFile, server.tlsTrust().anchorsAsPem());
                command.addAll(List.of("--cafile", caFile.toString()));
            }
            Path output = workDir.resolve("output.txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds() + 20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, script + " did not exit in time\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static String python() {
        String configured = System.getProperty("parley.python", "").strip();
        if (!configured.isEmpty()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static Path scripts() {
        return Path.of(System.getProperty("parley.python.scripts", "src/test/python")).toAbsolutePath();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
