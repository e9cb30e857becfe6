package dev.parley.conformance.sint;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import dev.parley.conformance.Account;
import dev.parley.conformance.SmackClients;
import dev.parley.conformance.XmppServerUnderTest;

import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.XmppConnectionDescriptor;
import org.igniterealtime.smack.inttest.XmppConnectionManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnectionConfiguration;
import org.jivesoftware.smack.compression.CompressionModuleDescriptor;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Points SINT at a {@link XmppServerUnderTest}: its connection types and a per-class {@link Configuration}.
 *
 * <p>SINT's configuration has no port and no trust manager (only a certificate pin), so the server's address and TLS
 * trust go into the connection descriptors instead ({@link SmackClients#aimAt}), which every SINT connection is built
 * from. Security mode stays {@code required}: clients always negotiate STARTTLS (RFC 6120 §5).
 */
final class SintConfigurations {

    static final String TCP = "tcp";
    static final String MODULAR = "modular";
    static final String MODULAR_NO_COMPRESSION = "modular-nocompress";

    /** SINT's built-in descriptors; the websocket ones are dropped because the harness tests the TCP c2s listener. */
    private static final List<String> BUILT_IN_DESCRIPTORS = List.of(
            TCP, MODULAR, MODULAR_NO_COMPRESSION, "modular-websocket-okhttp", "modular-websocket-java11");

    private SintConfigurations() {
    }

    /**
     * Replaces SINT's global connection descriptors by ones aimed at {@code server}. Must run before each framework run
     * (each copies the descriptors when it starts); the order matters, since SINT picks the first descriptor of a
     * connection class for the tests bound to one class.
     */
    static void installConnectionDescriptors(XmppServerUnderTest server) {
        BUILT_IN_DESCRIPTORS.forEach(XmppConnectionManager::removeConnectionDescriptor);
        try {
            XmppConnectionManager.addConnectionDescriptor(
                    XmppConnectionDescriptor.buildWith(XMPPTCPConnection.class, XMPPTCPConnectionConfiguration.class)
                            .withNickname(TCP)
                            .applyExtraConfiguration(builder -> SmackClients.aimAt(builder, server))
                            .build());
            XmppConnectionManager.addConnectionDescriptor(
                    XmppConnectionDescriptor.buildWith(ModularXmppClientToServerConnection.class,
                                    ModularXmppClientToServerConnectionConfiguration.class,
                                    ModularXmppClientToServerConnectionConfiguration.Builder.class)
                            .withNickname(MODULAR)
                            .applyExtraConfiguration(builder -> SmackClients.aimAt(builder, server))
                            .build());
            XmppConnectionManager.addConnectionDescriptor(
                    XmppConnectionDescriptor.buildWith(ModularXmppClientToServerConnection.class,
                                    ModularXmppClientToServerConnectionConfiguration.class,
                                    ModularXmppClientToServerConnectionConfiguration.Builder.class)
                            .withNickname(MODULAR_NO_COMPRESSION)
                            .applyExtraConfiguration(builder -> {
                                SmackClients.aimAt(builder, server);
                                builder.removeModule(CompressionModuleDescriptor.class);
                            })
                            .build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SINT rejected a connection descriptor", e);
        }
    }

    /** A configuration that enables exactly one test class, or just one of its test methods. */
    static Configuration forTests(XmppServerUnderTest server, SintTestClass testClass, Optional<String> method,
                                  SuiteSettings settings) {
        try {
            Configuration.Builder builder = Configuration.builder()
                    .setService(server.domain())
                    .setSecurityMode(SecurityMode.required.name())
                    .setReplyTimeout(Long.toString(settings.replyTimeout().toMillis()))
                    .setDebugger(settings.debug() ? "console" : "none")
                    .setEnabledTests(method.map(name -> testClass.name() + '.' + name).orElse(testClass.name()))
                    .addTestPackage(testClass.type().getPackageName())
                    .setDefaultConnection(TCP)
                    .setEnabledConnections(String.join(",", settings.connections()));
            if (server.administrator().isPresent()) {
                Account admin = server.administrator().get();
                builder.setAdminAccountUsernameAndPassword(admin.username(), admin.password());
            } else {
                List<Account> accounts = server.accounts();
                builder.setUsernamesAndPassword(accounts.get(0).username(), accounts.get(0).password(),
                        accounts.get(1).username(), accounts.get(1).password(),
                        accounts.get(2).username(), accounts.get(2).password());
            }
            return builder.build();
        } catch (XmppStringprepException | KeyManagementException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot configure SINT for " + server.domain(), e);
        }
    }
}
