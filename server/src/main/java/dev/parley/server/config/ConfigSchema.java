package dev.parley.server.config;

import dev.parley.server.config.NameTypes.BareJid;
import dev.parley.server.config.NameTypes.BindAddress;
import dev.parley.server.config.NameTypes.DomainName;
import dev.parley.server.config.ScalarTypes.Bool;
import dev.parley.server.config.ScalarTypes.Choice;
import dev.parley.server.config.ScalarTypes.DurationRange;
import dev.parley.server.config.ScalarTypes.IntRange;
import dev.parley.server.config.ScalarTypes.Kebab;
import dev.parley.server.config.ScalarTypes.PathValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key: its path, what it accepts, its default and its meaning. This list is the single source of
 * the validation in {@link ConfigLoader}, of {@link ParleyConfig#defaults()}, and of the reference in
 * {@code parley.example.yaml} and {@code docs/configuration.md} (a test fails when those drift from it).
 */
final class ConfigSchema {
    private ConfigSchema() {
    }

    static final List<String> TLS_VERSIONS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> SASL_MECHANISMS = List.of("SCRAM-SHA-512-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256-PLUS",
            "SCRAM-SHA-256", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN");

    private static final IntRange PORT = new IntRange(0, 65535, "0 = any free port");
    private static final BindAddress ADDRESS = new BindAddress();
    private static final Bool BOOLEAN = new Bool();

    static final Setting<List<String>> DOMAINS = Setting.of("domains", new ListType<>(new DomainName(), true),
            List.of("localhost"), "XMPP domains this server hosts (RFC 7622 domainparts; internationalised names are "
                    + "accepted). The first is the default domain: it names the server when a client names no domain and "
                    + "picks the certificate when a client sends no SNI.");
    static final Setting<Path> DATA_DIR = Setting.of("data-dir", new PathValue(), Path.of("data"),
            "Directory for the embedded store, generated certificates and other state. A relative path is resolved "
                    + "against the configuration file's directory (the working directory when there is no file).");

    static final Setting<Boolean> C2S_ENABLED = Setting.of("listeners.c2s.enabled", BOOLEAN, true,
            "Accept client connections that negotiate TLS with STARTTLS (RFC 6120 §5).");
    static final Setting<String> C2S_ADDRESS = Setting.of("listeners.c2s.address", ADDRESS, "0.0.0.0",
            "Address to listen on; 0.0.0.0 or \"::\" for every interface.");
    static final Setting<Integer> C2S_PORT = Setting.of("listeners.c2s.port", PORT, 5222,
            "TCP port (RFC 6120 §14.7 registers 5222).");
    static final Setting<Boolean> DIRECT_TLS_ENABLED = Setting.of("listeners.c2s-direct-tls.enabled", BOOLEAN, true,
            "Accept client connections that start with a TLS handshake (XEP-0368, ALPN \"xmpp-client\").");
    static final Setting<String> DIRECT_TLS_ADDRESS = Setting.of("listeners.c2s-direct-tls.address", ADDRESS,
            "0.0.0.0", "Address to listen on; 0.0.0.0 or \"::\" for every interface.");
    static final Setting<Integer> DIRECT_TLS_PORT = Setting.of("listeners.c2s-direct-tls.port", PORT, 5223,
            "TCP port.");
    static final Setting<Boolean> ADMIN_ENABLED = Setting.of("listeners.admin.enabled", BOOLEAN, true,
            "Serve the administration API.");
    static final Setting<String> ADMIN_ADDRESS = Setting.of("listeners.admin.address", ADDRESS, "127.0.0.1",
            "Address to listen on. Keep it on loopback unless a proxy in front of it authenticates.");
    static final Setting<Integer> ADMIN_PORT = Setting.of("listeners.admin.port", PORT, 5290, "TCP port.");

    static final Setting<Path> CERTIFICATE_FILE = Setting.required("certificate", new PathValue(),
            "PEM file with the certificate first, then its intermediates.", "certs/example.com.crt");
    static final Setting<Path> PRIVATE_KEY_FILE = Setting.required("private-key", new PathValue(),
            "PEM file with the certificate's private key: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), not encrypted.",
            "certs/example.com.key");
    static final Setting<List<CertificateFiles>> TLS_CERTIFICATES = Setting.of("tls.certificates",
            new ObjectListType<>("certificate", List.of(CERTIFICATE_FILE, PRIVATE_KEY_FILE),
                    values -> new CertificateFiles(values.get(CERTIFICATE_FILE), values.get(PRIVATE_KEY_FILE))),
            List.of(), "Certificates with their keys; relative paths are resolved against the configuration file's "
                    + "directory. The domains a certificate serves are read from its subjectAltName (DNS names, "
                    + "wildcards, XmppAddr, SRVName), or from its CN when it has no DNS names; every hosted domain "
                    + "needs one. When the list is empty, a self-signed certificate for all domains is generated in "
                    + "<data-dir>/certs/ and renewed when the domains change or it nears expiry.");
    static final Setting<List<String>> TLS_PROTOCOLS = Setting.of("tls.protocols",
            new ListType<>(new Choice(TLS_VERSIONS), true), TLS_VERSIONS,
            "TLS versions offered. Older versions are not supported.");
    static final Setting<TlsProvider> TLS_PROVIDER = Setting.of("tls.provider", new Kebab<>(TlsProvider.class),
            TlsProvider.AUTO, "TLS engine: openssl (BoringSSL from netty-tcnative), jdk, or auto (openssl when it "
                    + "loads on this platform, otherwise jdk). The choice is logged at start.");
    static final Setting<StartTlsPolicy> STARTTLS = Setting.of("tls.starttls", new Kebab<>(StartTlsPolicy.class),
            StartTlsPolicy.REQUIRED, "On the c2s listener: required makes STARTTLS mandatory-to-negotiate "
                    + "(RFC 6120 §5.3.1); optional lets clients continue without TLS.");

    static final Setting<List<String>> MECHANISMS = Setting.of("auth.mechanisms",
            new ListType<>(new Choice(SASL_MECHANISMS), true), SASL_MECHANISMS,
            "SASL mechanisms offered (RFC 6120 §6), most preferred first. The -PLUS variants use channel binding "
                    + "(RFC 5802, RFC 9266) and are offered only over TLS.");
    static final Setting<Integer> SCRAM_ITERATIONS = Setting.of("auth.scram-iterations",
            new IntRange(4096, 1_000_000, ""), 10_000, "PBKDF2 iteration count for newly stored SCRAM credentials "
                    + "(RFC 5802 §5.1; RFC 7677 §4 asks for at least 4096).");
    static final Setting<Integer> MAX_AUTH_FAILURES = Setting.of("auth.max-failures-per-connection",
            new IntRange(2, 5, "RFC 6120 §6.4.5"), 3, "Failed authentication attempts allowed on one connection "
                    + "before it is closed.");

    static final Setting<Boolean> IN_BAND_REGISTRATION = Setting.of("registration.in-band", BOOLEAN, false,
            "Let clients create accounts over XMPP (XEP-0077).");
    static final Setting<Integer> MIN_PASSWORD_LENGTH = Setting.of("registration.min-password-length",
            new IntRange(1, 1024, ""), 8, "Fewest characters a new password may have.");

    static final Setting<ConflictPolicy> RESOURCE_CONFLICT = Setting.of("resources.conflict",
            new Kebab<>(ConflictPolicy.class), ConflictPolicy.REPLACE_OLD, "When a client binds a resource already in "
                    + "use (RFC 6120 §7.7.2.2): replace-old ends the existing session with a <conflict/> stream error "
                    + "(the RFC's \"override\"), reject-new refuses the new bind with <conflict/>, rename-new gives the "
                    + "new session a server-generated resource.");

    static final Setting<Integer> STANZA_BYTES = Setting.of("limits.stanza-bytes",
            new IntRange(10_000, 16 * 1024 * 1024, "RFC 6120 §13.12: at least 10000"), 256 * 1024,
            "Largest stanza an authenticated client may send, in bytes.");
    static final Setting<Integer> STANZA_BYTES_UNAUTHENTICATED = Setting.of("limits.stanza-bytes-unauthenticated",
            new IntRange(1024, 1024 * 1024, ""), 8 * 1024,
            "Largest element before authentication, in bytes; at most limits.stanza-bytes.");
    static final Setting<Integer> DEPTH = Setting.of("limits.depth", new IntRange(8, 1024, ""), 64,
            "Deepest element nesting in a stanza after authentication.");
    static final Setting<Integer> DEPTH_UNAUTHENTICATED = Setting.of("limits.depth-unauthenticated",
            new IntRange(4, 1024, ""), 32, "Deepest element nesting before authentication; at most limits.depth.");
    static final Setting<Integer> ATTRIBUTES = Setting.of("limits.attributes", new IntRange(4, 1024, ""), 64,
            "Most attributes on one element.");
    static final Setting<Duration> UNAUTHENTICATED_TIMEOUT = Setting.of("limits.unauthenticated-timeout",
            new DurationRange(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(60),
            "Time a connection has to authenticate before it is closed.");
    static final Setting<Integer> CONNECTIONS_PER_IP = Setting.of("limits.connections-per-ip",
            new IntRange(1, 1_000_000, ""), 100, "Most simultaneous client connections from one IP address.");
    static final Setting<Integer> MAX_CONNECTIONS = Setting.of("limits.max-connections",
            new IntRange(1, 10_000_000, ""), 50_000, "Most simultaneous client connections on this server.");
    static final Setting<Integer> OUTBOUND_BYTES = Setting.of("limits.outbound-bytes",
            new IntRange(64 * 1024, 256 * 1024 * 1024, ""), 1024 * 1024,
            "Most bytes waiting to be written to one client connection (what the server queued plus what the socket "
                    + "has not taken yet). While a client reads slower than it is sent to, broadcast presence waiting "
                    + "for it is coalesced to the latest per sender; past this limit its stream is closed with "
                    + "<policy-violation/>, and its session ends or waits for resumption as when a connection drops.");
    static final Setting<Integer> ROSTER_ITEMS = Setting.of("limits.roster-items", new IntRange(1, 1_000_000, ""), 2000,
            "Most entries in one roster (RFC 6121 §2), counting subscription requests not yet answered. Adding a "
                    + "contact beyond it is refused with <policy-violation/>; the roster is left unchanged.");
    static final Setting<Integer> OFFLINE_MESSAGES = Setting.of("limits.offline-messages",
            new IntRange(0, 1_000_000, "0 = store none"), 1000, "Most messages kept for one account while it is "
                    + "offline (XEP-0160). A message beyond it is refused with <service-unavailable/>.");
    static final Setting<Integer> SUBSCRIPTION_REQUESTS = Setting.of("limits.subscription-requests-per-minute",
            new IntRange(1, 100_000, ""), 60, "Presence subscription requests one account may send per minute "
                    + "(RFC 6121 §3.1), in bursts of up to this many. Requests beyond it are refused with "
                    + "<policy-violation/> and change nothing.");
    static final Setting<Integer> BLOCK_LIST_ITEMS = Setting.of("limits.block-list-items",
            new IntRange(1, 1_000_000, ""), 1000, "Most JIDs one account may block (XEP-0191). A block beyond it is "
                    + "refused with <policy-violation/>; the block list is left unchanged.");

    static final Setting<Integer> VCARD_BYTES = Setting.of("limits.vcard-bytes",
            new IntRange(1024, 16 * 1024 * 1024, ""), 64 * 1024,
            "Largest vCard (XEP-0054) an account may store, in bytes of XML; a larger one is refused with "
                    + "not-acceptable.");
    static final Setting<Integer> PRIVATE_XML_BYTES = Setting.of("limits.private-xml-bytes",
            new IntRange(1024, 64 * 1024 * 1024, ""), 1024 * 1024,
            "Most private XML (XEP-0049) one account may store, in bytes of XML over all its elements; a store "
                    + "beyond it is refused with not-acceptable.");

    static final Setting<Integer> PEP_ITEM_BYTES = Setting.of("limits.pep-item-bytes",
            new IntRange(1024, 16 * 1024 * 1024, ""), 64 * 1024,
            "Largest payload of one PEP item (XEP-0163), in bytes of XML; a larger one is refused with "
                    + "not-acceptable and <payload-too-big/> (XEP-0060 §7.1.3.4).");
    static final Setting<Integer> PEP_MAX_ITEMS = Setting.of("limits.pep-max-items",
            new IntRange(1, 100_000, ""), 1000,
            "Most items one PEP node keeps: the value of pubsub#max_items 'max' and the largest number accepted.");
    static final Setting<Integer> PEP_NODES = Setting.of("limits.pep-nodes", new IntRange(1, 100_000, ""), 100,
            "Most PEP nodes one account may have; creating another is refused with <policy-violation/>.");
    static final Setting<Integer> ARCHIVE_MAX_PAGE_SIZE = Setting.of("archive.max-page-size",
            new IntRange(1, 10_000, ""), 250, "Most messages one archive query (XEP-0313) returns. A client asking "
                    + "for more, or for no limit, gets pages of this size, each saying whether more follow (XEP-0313 "
                    + "§4.2 lets a server cap pages).");
    static final Setting<Duration> ARCHIVE_DEDUPE_WINDOW = Setting.of("archive.dedupe-window",
            new DurationRange(Duration.ZERO, Duration.ofHours(24)), Duration.ofMinutes(10),
            "How long the origin-id (XEP-0359) of a message an account sent is remembered: a message from the same "
                    + "account with the same origin-id within this time is acknowledged but neither delivered nor "
                    + "archived again, so a client resending after a lost connection causes no duplicates. Each "
                    + "account remembers at most its 1000 latest origin-ids. 0s turns this off.");

    static final Setting<Boolean> MUC_ENABLED = Setting.of("muc.enabled", BOOLEAN, true,
            "Host a multi-user chat service (XEP-0045) at <muc.subdomain>.<domain> for every hosted domain.");
    static final Setting<String> MUC_SUBDOMAIN = Setting.of("muc.subdomain", new DomainName(), "conference",
            "What is put in front of each hosted domain to name its chat service (conference.example.com).");
    static final Setting<RoomCreation> MUC_ROOM_CREATION = Setting.of("muc.room-creation",
            new Kebab<>(RoomCreation.class), RoomCreation.LOCAL_USERS, "Who may create a room: anyone (users of "
                    + "other servers too), local-users (accounts at the hosted domains) or admins (the admins list). "
                    + "Anyone may still join an existing room its configuration admits. Others are refused with "
                    + "<not-allowed/> (XEP-0045 §10.1.1).");
    static final Setting<Integer> MUC_MAX_NICKNAME_LENGTH = Setting.of("muc.max-nickname-length",
            new IntRange(1, 1023, ""), 64, "Most characters of a room nickname after the PRECIS Nickname profile "
                    + "(RFC 8266) has been applied; a longer one is refused with <not-acceptable/>.");
    static final Setting<Duration> MUC_VOICE_REQUEST_INTERVAL = Setting.of("muc.voice-request-interval",
            new DurationRange(Duration.ZERO, Duration.ofHours(24)), Duration.ofMinutes(2),
            "Least time between two voice requests (XEP-0045 §7.13) of one occupant. Each request puts a form in "
                    + "front of every moderator and the XEP sets no pace; an earlier one is refused with "
                    + "<policy-violation/> and reaches nobody. Leaving and entering the room again starts afresh. "
                    + "0s sets no pace.");

    static final Setting<List<String>> ADMINS = Setting.of("admins", new ListType<>(new BareJid(), false), List.of(),
            "Bare JIDs (local@domain, at a hosted domain) with administrator rights.");

    static final Setting<Boolean> SM_ENABLED = Setting.of("stream-management.enabled", BOOLEAN, true,
            "Offer stream management (XEP-0198): acknowledgements and resumption of dropped sessions.");
    static final Setting<Duration> SM_RESUME_TIMEOUT = Setting.of("stream-management.resume-timeout",
            new DurationRange(Duration.ofSeconds(1), Duration.ofHours(24)), Duration.ofMinutes(5),
            "How long a session whose connection dropped waits for the client to resume it; a client may ask for "
                    + "less. When it expires, unacknowledged messages go to another resource, to offline storage or "
                    + "back to the sender as an error.");
    static final Setting<Integer> SM_MAX_DETACHED = Setting.of("stream-management.max-detached",
            new IntRange(0, 10_000_000, "0 = no resumption"), 10_000,
            "Most sessions waiting for resumption at once; past it a dropped session ends at once.");
    static final Setting<Integer> SM_UNACKED_QUEUE = Setting.of("stream-management.unacked-queue",
            new IntRange(10, 1_000_000, ""), 1000, "Most stanzas sent to one client and not yet acknowledged. A "
                    + "client that lets more pile up loses its stream with <policy-violation/>; the stanzas are "
                    + "routed again as when a session ends.");
    static final Setting<Integer> SM_REQUEST_ACK_AFTER = Setting.of("stream-management.request-ack-after",
            new IntRange(1, 1_000_000, ""), 5, "The server asks for an acknowledgement (<r/>) after this many "
                    + "unacknowledged stanzas.");
    static final Setting<Duration> SM_REQUEST_ACK_IDLE = Setting.of("stream-management.request-ack-idle",
            new DurationRange(Duration.ofMillis(100), Duration.ofHours(1)), Duration.ofSeconds(30),
            "The server asks for an acknowledgement this long after sending a stanza that is not acknowledged yet.");
    static final Setting<Boolean> CSI_ENABLED = Setting.of("csi.enabled", BOOLEAN, true,
            "Offer client state indication (XEP-0352): while a client is inactive, presence updates are held "
                    + "(the latest per contact resource) and chat-state-only messages dropped.");
    static final Setting<Integer> CSI_HELD_PRESENCES = Setting.of("csi.held-presences",
            new IntRange(1, 1_000_000, ""), 1000, "Most presence updates held for one inactive client; one more "
                    + "sends those held.");

    /** Every top-level setting, in the order the reference shows them. */
    static final List<Setting<?>> ALL = List.of(DOMAINS, DATA_DIR,
            C2S_ENABLED, C2S_ADDRESS, C2S_PORT, DIRECT_TLS_ENABLED, DIRECT_TLS_ADDRESS, DIRECT_TLS_PORT,
            ADMIN_ENABLED, ADMIN_ADDRESS, ADMIN_PORT,
            TLS_CERTIFICATES, TLS_PROTOCOLS, TLS_PROVIDER, STARTTLS,
            MECHANISMS, SCRAM_ITERATIONS, MAX_AUTH_FAILURES,
            IN_BAND_REGISTRATION, MIN_PASSWORD_LENGTH,
            RESOURCE_CONFLICT,
            STANZA_BYTES, STANZA_BYTES_UNAUTHENTICATED, DEPTH, DEPTH_UNAUTHENTICATED, ATTRIBUTES,
            UNAUTHENTICATED_TIMEOUT, CONNECTIONS_PER_IP, MAX_CONNECTIONS, VCARD_BYTES, PRIVATE_XML_BYTES,
            ROSTER_ITEMS, OFFLINE_MESSAGES, SUBSCRIPTION_REQUESTS, BLOCK_LIST_ITEMS, PEP_ITEM_BYTES, PEP_MAX_ITEMS,
            PEP_NODES, OUTBOUND_BYTES, ARCHIVE_MAX_PAGE_SIZE, ARCHIVE_DEDUPE_WINDOW,
            SM_ENABLED, SM_RESUME_TIMEOUT, SM_MAX_DETACHED, SM_UNACKED_QUEUE, SM_REQUEST_ACK_AFTER, SM_REQUEST_ACK_IDLE,
            CSI_ENABLED, CSI_HELD_PRESENCES,
            MUC_ENABLED, MUC_SUBDOMAIN, MUC_ROOM_CREATION, MUC_MAX_NICKNAME_LENGTH, MUC_VOICE_REQUEST_INTERVAL,
            ADMINS);

    /** What each section is for, shown above it in the example file. */
    static final Map<String, String> SECTIONS = sections();

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("listeners", "Network listeners.");
        sections.put("listeners.c2s", "Client connections with STARTTLS.");
        sections.put("listeners.c2s-direct-tls", "Client connections with TLS from the first byte (XEP-0368).");
        sections.put("listeners.admin", "The administration API.");
        sections.put("tls", "TLS (RFC 6120 §5, §13.7).");
        sections.put("auth", "Authentication (SASL, RFC 6120 §6).");
        sections.put("registration", "Account registration.");
        sections.put("resources", "Resource binding (RFC 6120 §7).");
        sections.put("archive", "The message archive (XEP-0313).");
        sections.put("stream-management", "Stream management (XEP-0198).");
        sections.put("csi", "Client state indication (XEP-0352).");
        sections.put("muc", "Multi-user chat (XEP-0045).");
        sections.put("limits", "Resource limits: stream limits are enforced while parsing (RFC 6120 §13.12), connection "
                + "limits per address, storage limits when data is stored.");
        return Collections.unmodifiableMap(sections);
    }
}
