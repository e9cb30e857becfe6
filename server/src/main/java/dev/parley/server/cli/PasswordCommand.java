package dev.parley.server.cli;

import dev.parley.server.admin.AdminArguments;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** An account command that also sets the password: XEP-0133's {@code accountjid} and {@code password} fields. */
abstract class PasswordCommand extends AccountCommand {
    /** The label of password parameters; {@link ParleyCli} keeps their values out of error messages. */
    static final String PASSWORD = "PASSWORD";

    @Parameters(index = "1", paramLabel = PASSWORD,
            description = "The password. Put -- before the arguments if it starts with '-'.")
    private String password;

    @Override
    final AdminArguments arguments(String jid) {
        return AdminArguments.of(Map.of("accountjid", jid, "password", password));
    }
}
