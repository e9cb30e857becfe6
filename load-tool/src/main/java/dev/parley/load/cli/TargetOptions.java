package dev.parley.load.cli;

import dev.parley.load.client.ClientContext;
import dev.parley.load.client.SaltedPasswords;
import dev.parley.load.client.Transport;
import dev.parley.load.scenario.RunSettings;
import dev.parley.load.scenario.Shard;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** The options every scenario shares: the server, the accounts, the client's resources, this process's shard. */
public final class TargetOptions {
    @Option(names = "--server", defaultValue = "127.0.0.1:5222", description = "Server address host:port, loopback only (default ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--domain", required = true, description = "The XMPP domain put in stream headers.")
    String domain;

    @Option(names = "--prefix", defaultValue = "user", description = "Accounts are <prefix><number> (default ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--password", required = true, description = "The password of every account (printable ASCII).")
    String password;

    @Option(names = "--first-account", defaultValue = "1", description = "Number of the first account (default ${DEFAULT-VALUE}).")
    int firstAccount;

    @Option(names = "--source", split = ",", description = "Local 127.x addresses to connect from, in turn.")
    List<String> sources = List.of();

    @Option(names = "--threads", defaultValue = "1", description = "Event-loop threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--tls-engine", defaultValue = "AUTO", description = "AUTO, OPENSSL or JDK (default ${DEFAULT-VALUE}).")
    Transport.TlsEngine tlsEngine;

    @Option(names = "--mechanisms", split = ",", defaultValue = "SCRAM-SHA-256,SCRAM-SHA-1,PLAIN",
            description = "SASL mechanisms in order of preference (default ${DEFAULT-VALUE}).")
    List<String> mechanisms;

    @Option(names = "--server-pid", description = "The server's process id, for its CPU time and memory from /proc.")
    Long serverPid;

    @Option(names = "--label", defaultValue = "server", description = "The server's name in results (default ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--name", description = "The result's name when one scenario runs several times (default: the scenario).")
    String name;

    @Option(names = "--shard", defaultValue = "0/1", description = "This process's part i/n of the run (default ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--connect-concurrency", defaultValue = "50", description = "Sessions negotiating at once (default ${DEFAULT-VALUE}).")
    int connectConcurrency;

    @Option(names = "--setup-timeout", defaultValue = "120", description = "Seconds allowed for setting up sessions (default ${DEFAULT-VALUE}).")
    int setupTimeout;

    @Option(names = "--json-out", description = "Also append the JSON result line to this file.")
    String jsonOut;

    private static final List<String> KNOWN_MECHANISMS = List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");

    Transport transport() {
        if (threads < 1 || threads > 4) {
            throw new IllegalArgumentException("--threads must be 1 to 4: the tool must not starve the server");
        }
        for (String source : sources) {
            loopback(source);
        }
        return new Transport(threads, tlsEngine, sources);
    }

    RunSettings settings(Transport transport, SaltedPasswords saltedPasswords) {
        for (String mechanism : mechanisms) {
            if (!KNOWN_MECHANISMS.contains(mechanism)) {
                throw new IllegalArgumentException("unsupported mechanism " + mechanism + "; use " + KNOWN_MECHANISMS);
            }
        }
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--server is host:port");
        }
        InetAddress host = loopback(server.substring(0, colon));
        InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(server.substring(colon + 1)));
        ClientContext client = new ClientContext(transport, address, domain, password, mechanisms, saltedPasswords);
        return new RunSettings(client, label, Shard.parse(shard), prefix, firstAccount,
                serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid), connectConcurrency,
                Duration.ofSeconds(setupTimeout));
    }

    /** The load tool only ever talks to this machine: a benchmark must not load anyone else's network or server. */
    private static InetAddress loopback(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(host + " is not a loopback address; the load tool only runs locally");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }
}
