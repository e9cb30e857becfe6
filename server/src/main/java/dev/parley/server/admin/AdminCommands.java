package dev.parley.server.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The registry of admin commands every admin front end draws from. */
public final class AdminCommands {
    private final Map<String, AdminCommand> commands = new ConcurrentHashMap<>();

    public void register(AdminCommand command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalStateException("admin command registered twice: " + command.name());
        }
    }

    public Optional<AdminCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** All commands, by name. */
    public List<AdminCommand> all() {
        return commands.values().stream().sorted(java.util.Comparator.comparing(AdminCommand::name)).toList();
    }
}
