package dev.parley.server.cli;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --config FILE} option of the commands that need a configuration; without it, the built-in defaults. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (YAML). Without it, the built-in defaults apply.")
    private Path file;

    /** The file given, or null for the defaults. */
    Path file() {
        return file;
    }

    ParleyConfig load() throws ConfigException {
        return file == null ? ParleyConfig.defaults() : ConfigLoader.load(file);
    }
}
