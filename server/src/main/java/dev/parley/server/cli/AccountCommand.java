package dev.parley.server.cli;

import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The shape of the CLI's account commands: each names one admin command and builds its arguments from the account's
 * JID and what else the command line holds; {@link AdminCommandRunner} carries it out, whether or not a server runs.
 */
abstract class AccountCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Parameters(index = "0", paramLabel = "JID", description = "The account's bare JID, e.g. alice@localhost.")
    private String jid;

    /** The admin command, e.g. {@code add-user}. */
    abstract String adminCommand();

    abstract AdminArguments arguments(String jid);

    @Override
    public final Integer call() throws Exception {
        AdminResult result = AdminCommandRunner.run(config.load(), adminCommand(), arguments(jid));
        spec.commandLine().getOut().println(result.message());
        return ParleyCli.OK;
    }
}
