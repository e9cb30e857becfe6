package dev.parley.server.cli;

import dev.parley.server.ServerCore;
import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminCommand;
import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.admin.AdminResult;
import dev.parley.server.admin.CommandDescription;
import dev.parley.server.admin.http.AdminEndpoint;
import dev.parley.server.admin.http.AdminHttpClient;
import dev.parley.server.api.storage.StoreLockedException;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.session.SessionRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Runs an admin command against a data directory without ever opening its store twice. The store's lock decides the
 * path: when no server holds it, the CLI opens the store itself and runs the command in-process; when a server does,
 * the command goes to that server's admin interface, which runs the very same command.
 */
final class AdminCommandRunner {
    private AdminCommandRunner() {
    }

    /** What to do with a store the CLI opened itself. */
    private interface Local<T> {
        T apply(ServerCore core) throws InterruptedException;
    }

    /** What to ask of a running server's admin interface instead. */
    private interface Remote<T> {
        T apply(AdminHttpClient server) throws IOException, InterruptedException;
    }

    static AdminResult run(ParleyConfig config, String command, AdminArguments arguments) throws InterruptedException {
        return onDataDir(config, core -> runLocally(core, command, arguments), server -> server.run(command, arguments));
    }

    /** The commands, by name: those of the running server when there is one. */
    static List<CommandDescription> commands(ParleyConfig config) throws InterruptedException {
        return onDataDir(config, core -> core.adminCommands().all().stream().map(CommandDescription::of).toList(),
                AdminHttpClient::commands);
    }

    private static <T> T onDataDir(ParleyConfig config, Local<T> local, Remote<T> remote) throws InterruptedException {
        ServerCore core;
        try {
            core = ServerCore.open(config, new SessionRegistry());
        } catch (StoreLockedException locked) {
            return onServer(config.dataDir(), locked, remote);
        }
        try (core) {
            return local.apply(core);
        }
    }

    private static AdminResult runLocally(ServerCore core, String command, AdminArguments arguments)
            throws InterruptedException {
        AdminCommand found = core.adminCommands().command(command).orElseThrow(() -> new CliFailure(
                "There is no admin command " + command + "; " + ParleyCli.invokedAs() + " admin lists them"));
        try {
            return found.execute(arguments.checkedAgainst(found)).toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AdminCommandException refused) {
                throw refused;
            }
            throw new IllegalStateException("the command " + command + " failed", e.getCause());
        }
    }

    private static <T> T onServer(Path dataDir, StoreLockedException locked, Remote<T> remote)
            throws InterruptedException {
        String running = "A Parley server is running on " + dataDir.toAbsolutePath() + " (" + locked.getMessage() + ")";
        Optional<AdminEndpoint> endpoint;
        try {
            endpoint = AdminEndpoint.read(dataDir);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CliFailure(running + " but its admin endpoint cannot be read: " + e.getMessage());
        }
        if (endpoint.isEmpty()) {
            throw new CliFailure(running + " but publishes no admin interface (no " + AdminEndpoint.ADDRESS_FILE
                    + " there). Enable listeners.admin in its configuration, or stop it and run this command again.");
        }
        try {
            return remote.apply(new AdminHttpClient(endpoint.get()));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean unreachable = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
            throw new CliFailure(running + " but its admin interface at " + endpoint.get().uri()
                    + (unreachable ? " is unreachable: " : " failed: ") + reason
                    + ". Stop the server and run this command again.");
        }
    }
}
