package dev.parley.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The whole server configuration, validated. Built by {@link ConfigLoader} from YAML or by {@link #defaults()} when the
 * server runs without a configuration file; every key, its default and its meaning are declared once in
 * {@link ConfigSchema} and documented in {@code docs/configuration.md}.
 *
 * @param domains      hosted XMPP domains in Unicode form (RFC 7622 §3.2), the first being the default domain
 * @param dataDir      directory for the store, generated certificates and other state
 * @param listeners    network listeners
 * @param tls          certificates and TLS settings
 * @param auth         SASL settings
 * @param registration account registration settings
 * @param resources    resource binding policy
 * @param limits       per-connection and per-server resource limits
 * @param admins       bare JIDs ({@code local@domain}) with administrator rights
 * @param archive      the message archive (XEP-0313)
 * @param streamManagement stream management (XEP-0198)
 * @param clientState  client state indication (XEP-0352)
 * @param muc          the multi-user chat service (XEP-0045)
 */
public record ParleyConfig(List<String> domains, Path dataDir, Listeners listeners, Tls tls, Auth auth,
                           Registration registration, Resources resources, Limits limits, List<String> admins,
                           Archive archive, StreamManagement streamManagement, ClientState clientState, Muc muc) {

    public ParleyConfig {
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("at least one domain is needed");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(limits, "limits");
        admins = List.copyOf(admins);
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(streamManagement, "streamManagement");
        Objects.requireNonNull(clientState, "clientState");
        Objects.requireNonNull(muc, "muc");
    }

    /** The configuration of a server started without a configuration file: every key at its documented default. */
    public static ParleyConfig defaults() {
        return ConfigAssembler.defaults();
    }

    /** The domain that names this server when nothing else does (no SNI, no {@code to} on the stream header). */
    public String defaultDomain() {
        return domains.getFirst();
    }
}
