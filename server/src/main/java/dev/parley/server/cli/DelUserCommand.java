package dev.parley.server.cli;

import dev.parley.server.admin.AdminArguments;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code parley deluser JID}: the {@code delete-user} admin command; the account's sessions are ended. */
@Command(name = "deluser", description = "Delete an account and end its sessions.")
final class DelUserCommand extends AccountCommand {
    @Override
    String adminCommand() {
        return "delete-user";
    }

    @Override
    AdminArguments arguments(String jid) {
        return new AdminArguments(Map.of("accountjids", List.of(jid)));
    }
}
