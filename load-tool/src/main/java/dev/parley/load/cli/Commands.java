package dev.parley.load.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree: one subcommand per scenario, plus the aggregator and the comparison table. */
@Command(name = "load-tool", mixinStandardHelpOptions = true,
        description = "Measures an XMPP server from the outside over loopback; prints a JSON line per result.",
        subcommands = {ScenarioCommands.Idle.class, ScenarioCommands.Chat.class, ScenarioCommands.Muc.class,
                ScenarioCommands.Logins.class, ScenarioCommands.Resume.class, ReportCommands.Aggregate.class,
                ReportCommands.Table.class})
public final class Commands {
    private Commands() {
    }

    public static CommandLine commandLine() {
        return new CommandLine(Commands.class).setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            if (failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
                commandLine.getErr().println("load-tool: " + failure.getMessage());
                return 2;
            }
            throw failure;
        });
    }
}
