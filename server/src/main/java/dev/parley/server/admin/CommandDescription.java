package dev.parley.server.admin;

import java.util.List;

/** What a front end shows of a command, apart from running it: for listings, local or fetched from a running server. */
public record CommandDescription(String name, String title, List<AdminField> fields, List<AdminField> results) {
    public CommandDescription {
        fields = List.copyOf(fields);
        results = List.copyOf(results);
    }

    public static CommandDescription of(AdminCommand command) {
        return new CommandDescription(command.name(), command.title(), command.fields(), command.results());
    }
}
