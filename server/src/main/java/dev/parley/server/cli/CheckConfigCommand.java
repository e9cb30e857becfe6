package dev.parley.server.cli;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code parley check-config FILE}: loads and validates a configuration file without starting anything. */
@Command(name = "check-config", description = "Validate a configuration file; exit code 1 when it is invalid.")
final class CheckConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The configuration file to check.")
    private Path file;

    @Override
    public Integer call() {
        try {
            ConfigLoader.load(file);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ParleyCli.FAILED;
        }
        spec.commandLine().getOut().println(file + ": OK");
        return ParleyCli.OK;
    }
}
