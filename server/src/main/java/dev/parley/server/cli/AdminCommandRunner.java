package dev.parley.server.cli;

import dev.parley.server.ServerCore;
import dev.parley.server.admin.AdminArguments;
import dev.parley.server.admin.AdminCommand;
import dev.parley.server.admin.AdminCommandException;
import dev.parley.server.admin.AdminResult;
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

    static AdminResult run(ParleyConfig config, String command, AdminArguments arguments) throws InterruptedException {
        ServerCore core;
        try {
            core = ServerCore.open(config, new SessionRegistry());
        } catch (StoreLockedException locked) {
            return runOnServer(config.dataDir(), locked, command, arguments);
        }
        try (core) {
            AdminCommand found = core.adminCommands().command(command)
                    .orElseThrow(() -> new IllegalArgumentException("no admin command " + command));
            return found.execute(arguments).toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AdminCommandException refused) {
                throw refused;
            }
            throw new IllegalStateException("the command " + command + " failed", e.getCause());
        }
    }

    private static AdminResult runOnServer(Path dataDir, StoreLockedException locked, String command,
                                           AdminArguments arguments) throws InterruptedException {
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
            return new AdminHttpClient(endpoint.get()).run(command, arguments);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean unreachable = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
            throw new CliFailure(running + " but its admin interface at " + endpoint.get().uri()
                    + (unreachable ? " is unreachable: " : " failed: ") + reason
                    + ". Stop the server and run this command again.");
        }
    }
}
