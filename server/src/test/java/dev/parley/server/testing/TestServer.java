package dev.parley.server.testing;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.xmpp.jid.Jid;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Parley node for tests: the test profile (in-band registration on, an admin account, ephemeral ports, a fresh
 * data directory, the minimum SCRAM iterations so that account set-up is quick) on the embedded store.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public static final String DOMAIN = "localhost";
    public static final String ADMIN = "admin@" + DOMAIN;

    private final String extraYaml;
    private final AtomicInteger freshUsers = new AtomicInteger();
    private ParleyServer server;
    private Path dataDir;

    private TestServer(String extraYaml) {
        this.extraYaml = extraYaml;
    }

    public static TestServer start() throws Exception {
        return start("");
    }

    /** Starts with the test profile plus {@code extraYaml} (top-level keys not in the profile). */
    public static TestServer start(String extraYaml) throws Exception {
        TestServer started = new TestServer(extraYaml);
        started.boot();
        return started;
    }

    /**
     * One server for all tests of a class, started before the first and closed after the last:
     * {@code @RegisterExtension static final TestServer server = TestServer.perClass();}
     */
    public static TestServer perClass() {
        return perClass("");
    }

    /** Like {@link #perClass()}, with the test profile plus {@code extraYaml}. */
    public static TestServer perClass(String extraYaml) {
        return new TestServer(extraYaml);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boot();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void boot() throws Exception {
        dataDir = Files.createTempDirectory("parley-test");
        String yaml = """
                domains: [%s]
                data-dir: %s
                listeners:
                  c2s: {port: 0, address: 127.0.0.1}
                  c2s-direct-tls: {port: 0, address: 127.0.0.1}
                  admin: {enabled: false}
                auth:
                  scram-iterations: 4096
                registration:
                  in-band: true
                admins: [%s]
                """.formatted(DOMAIN, dataDir, ADMIN) + extraYaml;
        ParleyConfig config = ConfigLoader.parse(yaml, "test profile", dataDir);
        server = ParleyServer.start(config);
    }

    public ParleyServer server() {
        return server;
    }

    public int c2sPort() {
        return server.boundPort("c2s");
    }

    public int directTlsPort() {
        return server.boundPort("c2s-direct-tls");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates a new account {@code userN} whose password is {@link #passwordOf} its name; returns the name. */
    public String addFreshUser() {
        String name = "user" + freshUsers.incrementAndGet();
        addUser(name, passwordOf(name));
        return name;
    }

    /** The password {@link #addFreshUser} gave an account. */
    public static String passwordOf(String name) {
        return name + "-password";
    }

    /** Creates an account through the server's own account service. */
    public void addUser(String username, String password) {
        server.accounts().create(Jid.of(username, DOMAIN, null), password).toCompletableFuture().join();
    }

    @Override
    public void close() {
        server.close();
    }
}
