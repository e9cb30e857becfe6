package dev.parley.load;

import dev.parley.load.cli.Commands;
import picocli.CommandLine;

/** The load tool's entry point; see {@code load-tool/README.md}. */
public final class LoadTool {
    private LoadTool() {
    }

    public static void main(String[] args) {
        System.exit(Commands.commandLine().execute(args));
    }
}
