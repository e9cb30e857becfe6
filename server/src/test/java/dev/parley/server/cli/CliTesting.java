package dev.parley.server.cli;

import dev.parley.server.api.storage.Account;
import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredentials;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process with captured output, and writes the configuration files the tests use. */
final class CliTesting {
    private CliTesting() {
    }

    record Run(int exitCode, String out, String err) {
        /** Everything printed, for checks that something appears nowhere. */
        String all() {
            return out + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = ParleyCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * A configuration in {@code dir} for a server on ephemeral loopback ports with its data in {@code dir/data}, plus
     * {@code extraYaml} (top-level keys not used here).
     */
    static Path writeConfig(Path dir, String adminListener, String extraYaml) throws IOException {
        String yaml = """
                domains: [localhost]
                data-dir: data
                listeners:
                  c2s: {port: 0, address: 127.0.0.1}
                  c2s-direct-tls: {port: 0, address: 127.0.0.1}
                  admin: %s
                auth:
                  scram-iterations: 4096
                """.formatted(adminListener) + extraYaml;
        return Files.writeString(dir.resolve("parley.yaml"), yaml);
    }

    static Path writeConfig(Path dir) throws IOException {
        return writeConfig(dir, "{port: 0}", "");
    }

    static boolean hasPassword(Account account, String password) {
        return ScramCredentials.matches(password,
                account.credential().forAlgorithm(ScramAlgorithm.SHA_256).orElseThrow());
    }
}
