package dev.parley.server.cli;

import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code parley} command line: start a node, manage accounts, run any admin command, check a configuration. Exit
 * codes: 0 success, 1 the command failed (its message on stderr), 2 the command line was wrong (message and usage on
 * stderr). Password arguments never appear in any output.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = ParleyCli.Version.class,
        description = "Parley, an XMPP server.",
        subcommands = {StartCommand.class, AddUserCommand.class, PasswdCommand.class, DelUserCommand.class,
                AdminSubcommand.class, CheckConfigCommand.class, CommandLine.HelpCommand.class})
public final class ParleyCli implements Runnable {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** Set by the {@code ./parley} launcher to the path it was run as, so hints show a command that works. */
    private static final String LAUNCHER_VARIABLE = "PARLEY_LAUNCHER";
    /** The root log level in logback.xml; logging starts after parsing, so setting it then still takes effect. */
    private static final String LOG_LEVEL_PROPERTY = "parley.log.level";

    @Spec
    private CommandSpec spec;

    /** The version Maven wrote into the jar's manifest; a build from the IDE or the test classpath has none. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ParleyCli.class.getPackage().getImplementationVersion();
            return new String[] {"Parley " + (version == null ? "(development build)" : version)};
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests set its output streams and call {@code execute}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ParleyCli());
        cli.setCommandName(invokedAs());
        cli.setParameterExceptionHandler(ParleyCli::usageError);
        cli.setExecutionExceptionHandler((e, failing, parseResult) -> failure(e, failing.getErr()));
        cli.setExecutionStrategy(parseResult -> {
            if (!parseResult.hasSubcommand() || !parseResult.subcommand().commandSpec().name().equals("start")) {
                // One-shot commands print their result; the store's progress logs would only bury it.
                System.setProperty(LOG_LEVEL_PROPERTY, System.getProperty(LOG_LEVEL_PROPERTY, "WARN"));
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli;
    }

    /** Without a command: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String invokedAs() {
        String launcher = System.getenv(LAUNCHER_VARIABLE);
        return launcher == null || launcher.isBlank() ? "parley" : launcher;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine failing = e.getCommandLine();
        PrintWriter err = failing.getErr();
        err.println(withoutPasswords(e.getMessage(), failing.getCommandSpec(), args));
        failing.usage(err);
        return USAGE;
    }

    private static int failure(Exception e, PrintWriter err) {
        if (e instanceof AdminCommandException || e instanceof ConfigException || e instanceof CliFailure) {
            err.println(e.getMessage());
        } else {
            err.println("Unexpected failure: " + e);
            e.printStackTrace(err);
        }
        return FAILED;
    }

    /**
     * The parser's message with every argument of a password-taking command hidden, options and command names apart:
     * when parsing fails it cannot be known which argument was meant as the password. Field values of
     * {@code admin} count as passwords, since some are.
     */
    private static String withoutPasswords(String message, CommandSpec failing, String[] args) {
        boolean takesPassword = failing.positionalParameters().stream().map(ArgSpec::paramLabel)
                .anyMatch(label -> label.equals(PasswordCommand.PASSWORD) || label.equals(AdminSubcommand.ASSIGNMENT));
        if (!takesPassword || message == null) {
            return message;
        }
        Set<String> shown = new HashSet<>(failing.optionsMap().keySet());
        shown.add(failing.name());
        String redacted = message;
        for (String arg : args) {
            if (!shown.contains(arg)) {
                redacted = redacted.replace("'" + arg + "'", "'<hidden>'");
            }
        }
        return redacted;
    }
}
