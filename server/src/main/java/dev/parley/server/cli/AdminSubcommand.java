package dev.parley.server.cli;

import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminField;
import dev.parley.server.admin.AdminResult;
import dev.parley.server.admin.CommandDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parley admin [COMMAND [FIELD=VALUE...]]}: any admin command by its XEP-0133 name, with its fields given as
 * {@code FIELD=VALUE} (a multi-valued field takes the pair once per value); without a command, the list of commands
 * and their fields. Like {@code adduser}, it runs in-process on a stopped server's data directory and through the
 * admin interface of a running one.
 */
@Command(name = "admin", description = {"Run an admin command, e.g. admin disable-user accountjids=alice@localhost.",
        "Without a command, list the commands and their fields."})
final class AdminSubcommand implements Callable<Integer> {
    /** The label of the field values; {@link ParleyCli} keeps them out of error messages, as they may be passwords. */
    static final String ASSIGNMENT = "FIELD=VALUE";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption config;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "The command, e.g. announce.")
    private String command;

    @Parameters(index = "1..*", paramLabel = ASSIGNMENT,
            description = "A field's value; repeat the field for each value of a multi-valued one.")
    private List<String> assignments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (command == null) {
            AdminCommandRunner.commands(config.load()).forEach(description -> print(out, description));
        } else {
            print(out, AdminCommandRunner.run(config.load(), command, arguments()));
        }
        out.flush();
        return ParleyCli.OK;
    }

    private AdminArguments arguments() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < assignments.size(); i++) {
            String assignment = assignments.get(i);
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                // The argument itself is not shown: it may be a password missing its field name.
                throw new ParameterException(spec.commandLine(), "Argument " + (i + 2) + " is not of the form "
                        + ASSIGNMENT);
            }
            values.computeIfAbsent(assignment.substring(0, equals), var -> new ArrayList<>())
                    .add(assignment.substring(equals + 1));
        }
        return new AdminArguments(values);
    }

    private static void print(PrintWriter out, CommandDescription description) {
        out.println(description.name() + ": " + description.title());
        for (AdminField field : description.fields()) {
            String choices = field.options().isEmpty() ? "" : ": " + String.join("|", field.options());
            out.printf("    %s  (%s, %s%s)  %s%n", field.var(), field.type().formType(),
                    field.required() ? "required" : "optional", choices, field.label());
        }
    }

    /** The message, then each value on a line of its own as {@code var: value}, for people and scripts alike. */
    private static void print(PrintWriter out, AdminResult result) {
        out.println(result.message());
        result.values().forEach((var, values) -> values.forEach(value -> out.println(var + ": " + value)));
    }
}
