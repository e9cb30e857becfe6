package dev.parley.server.cli;

import picocli.CommandLine.Command;

/** {@code parley adduser JID PASSWORD}: the {@code add-user} admin command. */
@Command(name = "adduser", description = "Create an account.")
final class AddUserCommand extends PasswordCommand {
    @Override
    String adminCommand() {
        return "add-user";
    }
}
