package dev.parley.server.cli;

import picocli.CommandLine.Command;

/** {@code parley passwd JID PASSWORD}: the {@code change-user-password} admin command. */
@Command(name = "passwd", description = "Change an account's password.")
final class PasswdCommand extends PasswordCommand {
    @Override
    String adminCommand() {
        return "change-user-password";
    }
}
