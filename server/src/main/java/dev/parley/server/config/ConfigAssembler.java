package dev.parley.server.config;

import static dev.parley.server.config.ConfigSchema.*;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns read values into a {@link ParleyConfig} and checks what no single key can check alone: listeners that would
 * bind the same socket, unauthenticated limits above the authenticated ones, admins outside the hosted domains.
 */
final class ConfigAssembler {
    private ConfigAssembler() {
    }

    static ParleyConfig defaults() {
        Problems problems = new Problems("the built-in defaults");
        ParleyConfig config = assemble(new ConfigValues(), Path.of(""), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toException().getMessage());
        }
        return config;
    }

    /** The configuration, or null when {@code problems} got something. */
    static ParleyConfig assemble(ConfigValues values, Path baseDir, Problems problems) {
        List<NamedListener> listeners = List.of(
                listener(values, "listeners.c2s", C2S_ENABLED, C2S_ADDRESS, C2S_PORT),
                listener(values, "listeners.c2s-direct-tls", DIRECT_TLS_ENABLED, DIRECT_TLS_ADDRESS, DIRECT_TLS_PORT),
                listener(values, "listeners.admin", ADMIN_ENABLED, ADMIN_ADDRESS, ADMIN_PORT));
        checkListenersApart(listeners, problems);
        checkAtMost(values, STANZA_BYTES_UNAUTHENTICATED, STANZA_BYTES, problems);
        checkAtMost(values, DEPTH_UNAUTHENTICATED, DEPTH, problems);
        List<String> domains = values.get(DOMAINS);
        for (String admin : values.get(ADMINS)) {
            String domain = admin.substring(admin.lastIndexOf('@') + 1);
            if (!domains.contains(domain)) {
                problems.add(values.nodeOf(ADMINS), ADMINS.path(), "'" + admin + "' is not at a hosted domain (domains: "
                        + String.join(", ", domains) + ")");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ParleyConfig(domains,
                baseDir.resolve(values.get(DATA_DIR)).normalize(),
                new Listeners(listeners.get(0).listener(), listeners.get(1).listener(), listeners.get(2).listener()),
                new Tls(values.get(TLS_CERTIFICATES).stream()
                        .map(files -> new CertificateFiles(baseDir.resolve(files.certificate()).normalize(),
                                baseDir.resolve(files.privateKey()).normalize()))
                        .toList(),
                        values.get(TLS_PROTOCOLS), values.get(TLS_PROVIDER), values.get(STARTTLS)),
                new Auth(values.get(MECHANISMS), values.get(SCRAM_ITERATIONS), values.get(MAX_AUTH_FAILURES)),
                new Registration(values.get(IN_BAND_REGISTRATION), values.get(MIN_PASSWORD_LENGTH)),
                new Resources(values.get(RESOURCE_CONFLICT)),
                new Limits(values.get(STANZA_BYTES), values.get(STANZA_BYTES_UNAUTHENTICATED), values.get(DEPTH),
                        values.get(DEPTH_UNAUTHENTICATED), values.get(ATTRIBUTES), values.get(UNAUTHENTICATED_TIMEOUT),
                        values.get(CONNECTIONS_PER_IP), values.get(MAX_CONNECTIONS), values.get(VCARD_BYTES),
                        values.get(PRIVATE_XML_BYTES), values.get(ROSTER_ITEMS), values.get(OFFLINE_MESSAGES),
                        values.get(SUBSCRIPTION_REQUESTS), values.get(BLOCK_LIST_ITEMS), values.get(PEP_ITEM_BYTES),
                        values.get(PEP_MAX_ITEMS), values.get(PEP_NODES), values.get(OUTBOUND_BYTES)),
                values.get(ADMINS),
                new Archive(values.get(ARCHIVE_MAX_PAGE_SIZE), values.get(ARCHIVE_DEDUPE_WINDOW)),
                new StreamManagement(values.get(SM_ENABLED), values.get(SM_RESUME_TIMEOUT), values.get(SM_MAX_DETACHED),
                        values.get(SM_UNACKED_QUEUE), values.get(SM_REQUEST_ACK_AFTER), values.get(SM_REQUEST_ACK_IDLE)),
                new ClientState(values.get(CSI_ENABLED), values.get(CSI_HELD_PRESENCES)),
                new Muc(values.get(MUC_ENABLED), values.get(MUC_SUBDOMAIN), values.get(MUC_ROOM_CREATION),
                        values.get(MUC_MAX_NICKNAME_LENGTH), values.get(MUC_VOICE_REQUEST_INTERVAL)));
    }

    private record NamedListener(String path, Listener listener, Node node) {
    }

    private static NamedListener listener(ConfigValues values, String path, Setting<Boolean> enabled,
                                          Setting<String> address, Setting<Integer> port) {
        Node node = values.nodeOf(port) != null ? values.nodeOf(port) : values.nodeOf(address);
        return new NamedListener(path, new Listener(values.get(enabled), values.get(address), values.get(port)), node);
    }

    private static void checkListenersApart(List<NamedListener> listeners, Problems problems) {
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = i + 1; j < listeners.size(); j++) {
                NamedListener first = listeners.get(i);
                NamedListener second = listeners.get(j);
                if (overlap(first.listener(), second.listener())) {
                    Node at = second.node() != null ? second.node() : first.node();
                    problems.add(at, second.path(), "binds the same address and port as " + first.path() + " ("
                            + second.listener().address() + ":" + second.listener().port() + "); change one port "
                            + "or disable one listener");
                }
            }
        }
    }

    /** Two enabled listeners collide on a fixed port when their addresses are equal or either is a wildcard. */
    private static boolean overlap(Listener a, Listener b) {
        return a.enabled() && b.enabled() && a.port() != 0 && a.port() == b.port()
                && (sameAddress(a.address(), b.address()) || isWildcard(a.address()) || isWildcard(b.address()));
    }

    private static boolean sameAddress(String a, String b) {
        if (a.contains(":") && b.contains(":")) {
            return ipv6Literal(a).equals(ipv6Literal(b));
        }
        return a.equals(b);
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || (address.contains(":") && ipv6Literal(address).isAnyLocalAddress());
    }

    /** Only called on addresses {@link NameTypes.BindAddress} accepted as IPv6 literals, so no DNS query is made. */
    private static InetAddress ipv6Literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("validated IPv6 literal no longer parses: " + address, e);
        }
    }

    private static void checkAtMost(ConfigValues values, Setting<Integer> lower, Setting<Integer> upper,
                                    Problems problems) {
        if (values.get(lower) > values.get(upper)) {
            Node at = values.nodeOf(lower) != null ? values.nodeOf(lower) : values.nodeOf(upper);
            problems.add(at, lower.path(), values.get(lower) + " is more than " + upper.path() + " ("
                    + values.get(upper) + ")");
        }
    }
}
