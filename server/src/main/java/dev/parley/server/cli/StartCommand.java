package dev.parley.server.cli;

import dev.parley.server.ParleyServer;
import dev.parley.server.admin.http.AdminEndpoint;
import dev.parley.server.api.storage.StoreLockedException;
import dev.parley.server.config.Listener;
import dev.parley.server.config.ParleyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code parley start}: runs a node in the foreground. SIGINT and SIGTERM run the shutdown hook, which closes the
 * server in order (listeners, then the store, so every acknowledged write is durable) before the JVM exits.
 */
@Command(name = "start", description = "Run the server in the foreground until Ctrl-C or SIGTERM.")
final class StartCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOption configOption;

    @Override
    public Integer call() throws Exception {
        ParleyConfig loaded = configOption.load();
        ParleyServer server;
        try {
            server = ParleyServer.start(loaded);
        } catch (StoreLockedException | IOException e) {
            // Another server on the data directory, a port in use: the message says which.
            throw new CliFailure("Cannot start: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "parley-shutdown"));
        printBanner(spec.commandLine().getOut(), loaded, server);
        stopped.await();
        return ParleyCli.OK;
    }

    private void printBanner(PrintWriter out, ParleyConfig config, ParleyServer server) {
        out.println("Parley is serving " + String.join(", ", config.domains()));
        out.println("  data directory   " + config.dataDir().toAbsolutePath());
        printListener(out, server, "c2s", config.listeners().c2s(), "clients, STARTTLS");
        printListener(out, server, "c2s-direct-tls", config.listeners().c2sDirectTls(), "clients, direct TLS");
        printListener(out, server, "admin", config.listeners().admin(),
                "admin API, token in " + config.dataDir().resolve(AdminEndpoint.TOKEN_FILE).toAbsolutePath());
        String configArgument = configOption.file() == null ? "" : " --config " + configOption.file();
        String runFrom = configOption.file() == null && !config.dataDir().isAbsolute() ? " (from this directory)" : "";
        String addUser = ParleyCli.invokedAs() + " adduser" + configArgument + " alice@" + config.defaultDomain()
                + " PASSWORD" + runFrom;
        out.println(config.listeners().admin().enabled() ? "Add a user with: " + addUser
                : "The admin listener is disabled: add users while the server is stopped, with: " + addUser);
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private static void printListener(PrintWriter out, ParleyServer server, String name, Listener listener,
                                      String purpose) {
        if (listener.enabled()) {
            out.printf("  %-16s %s:%d (%s)%n", name, listener.address(), server.boundPort(name), purpose);
        }
    }
}
