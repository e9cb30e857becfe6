package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path BASE = Path.of("/etc/parley");

    private static ParleyConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "parley.yaml", BASE);
    }

    private static String problem(String yaml) {
        try {
            ConfigLoader.parse(yaml, "parley.yaml", BASE);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }

    @Test
    void defaultsAreTheDocumentedValues() {
        ParleyConfig config = ParleyConfig.defaults();
        assertThat(config.domains()).containsExactly("localhost");
        assertThat(config.defaultDomain()).isEqualTo("localhost");
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.listeners().c2s()).isEqualTo(new Listener(true, "0.0.0.0", 5222));
        assertThat(config.listeners().c2sDirectTls()).isEqualTo(new Listener(true, "0.0.0.0", 5223));
        assertThat(config.listeners().admin()).isEqualTo(new Listener(true, "127.0.0.1", 5290));
        assertThat(config.tls()).isEqualTo(new Tls(List.of(), List.of("TLSv1.3", "TLSv1.2"), TlsProvider.AUTO,
                StartTlsPolicy.REQUIRED));
        assertThat(config.auth()).isEqualTo(new Auth(List.of("SCRAM-SHA-512-PLUS", "SCRAM-SHA-512",
                "SCRAM-SHA-256-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN"), 10_000, 3));
        assertThat(config.registration()).isEqualTo(new Registration(false, 8));
        assertThat(config.resources()).isEqualTo(new Resources(ConflictPolicy.REPLACE_OLD));
        assertThat(config.limits()).isEqualTo(new Limits(262_144, 8192, 64, 32, 64, Duration.ofSeconds(60), 100,
                50_000, 65_536, 1_048_576, 2000, 1000, 60, 1000, 65_536, 1000, 100, 1_048_576));
        assertThat(config.admins()).isEmpty();
    }

    @Test
    void emptyDocumentAndEmptySectionsGiveDefaults() throws ConfigException {
        ParleyConfig d = ParleyConfig.defaults();
        assertThat(parse("")).isEqualTo(new ParleyConfig(d.domains(), BASE.resolve("data"), d.listeners(), d.tls(),
                d.auth(), d.registration(), d.resources(), d.limits(), d.admins(), d.archive(), d.streamManagement(),
                d.clientState(), d.muc()));
        assertThat(parse("# nothing\nlimits:\nadmins:\n")).isEqualTo(parse(""));
    }

    @Test
    void readsEveryKindOfValue() throws ConfigException {
        ParleyConfig config = parse("""
                domains: [Example.COM, "bücher.example."]
                data-dir: /var/lib/parley
                listeners:
                  c2s: {address: "::", port: 0}
                  c2s-direct-tls: {enabled: false}
                  admin: {port: 0}
                tls:
                  certificates:
                    - certificate: certs/a.crt
                      private-key: /keys/a.key
                  protocols: [TLSv1.3]
                  provider: jdk
                  starttls: optional
                auth:
                  mechanisms: [scram-sha-256, PLAIN]
                  scram-iterations: 4096
                  max-failures-per-connection: 5
                registration: {in-band: true, min-password-length: 12}
                resources: {conflict: rename-new}
                limits:
                  stanza-bytes: 10000
                  stanza-bytes-unauthenticated: 10000
                  unauthenticated-timeout: 2m
                  max-connections: 1_000
                admins: [admin@example.com]
                """);
        assertThat(config.domains()).containsExactly("example.com", "bücher.example");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/parley"));
        assertThat(config.listeners().c2s()).isEqualTo(new Listener(true, "::", 0));
        assertThat(config.listeners().c2sDirectTls()).isEqualTo(new Listener(false, "0.0.0.0", 5223));
        assertThat(config.tls().certificates()).containsExactly(
                new CertificateFiles(BASE.resolve("certs/a.crt"), Path.of("/keys/a.key")));
        assertThat(config.tls().protocols()).containsExactly("TLSv1.3");
        assertThat(config.tls().provider()).isEqualTo(TlsProvider.JDK);
        assertThat(config.tls().starttls()).isEqualTo(StartTlsPolicy.OPTIONAL);
        assertThat(config.auth()).isEqualTo(new Auth(List.of("SCRAM-SHA-256", "PLAIN"), 4096, 5));
        assertThat(config.registration()).isEqualTo(new Registration(true, 12));
        assertThat(config.resources().conflict()).isEqualTo(ConflictPolicy.RENAME_NEW);
        assertThat(config.limits().stanzaBytes()).isEqualTo(10_000);
        assertThat(config.limits().unauthenticatedTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.limits().maxConnections()).isEqualTo(1000);
        assertThat(config.admins()).containsExactly("admin@example.com");
    }

    @Test
    void badValueNamesKeyLineColumnAndWhatIsAllowed() {
        assertThat(problem("""
                listeners:
                  c2s:
                    port: abc
                """)).isEqualTo("parley.yaml line 3, column 11: listeners.c2s.port: "
                + "expected an integer 0..65535 (0 = any free port), got 'abc'");
        assertThat(problem("listeners: {admin: {port: 65536}}")).contains("listeners.admin.port",
                "got '65536'");
        assertThat(problem("registration: {in-band: yes}")).contains("registration.in-band",
                "expected true or false, got 'yes'");
        assertThat(problem("limits: {unauthenticated-timeout: 60}")).contains(
                "expected a duration 1s..1h (number + ms, s, m or h), got '60'");
        assertThat(problem("resources: {conflict: REPLACE_OLD}")).contains(
                "expected one of replace-old | reject-new | rename-new, got 'REPLACE_OLD'");
        assertThat(problem("limits: {stanza-bytes: }")).contains("limits.stanza-bytes", "got nothing");
        assertThat(problem("auth: {scram-iterations: [1]}")).contains("got a list");
    }

    @Test
    void unknownKeyListsAllowedKeysAndSuggestsTheClosest() {
        assertThat(problem("""
                listeners:
                  c2s:
                    prot: 5222
                """)).isEqualTo("parley.yaml line 3, column 5: listeners.c2s.prot: unknown key; "
                + "allowed here: enabled, address, port; did you mean 'port'?");
        assertThat(problem("dataDir: /x")).contains("did you mean 'data-dir'?");
        assertThat(problem("auth: {scram_iterations: 5000}")).contains("auth.scram_iterations",
                "did you mean 'scram-iterations'?");
        assertThat(problem("frobnicate: 1")).contains("allowed here: domains, data-dir, listeners, tls, auth")
                .doesNotContain("did you mean");
    }

    @Test
    void repeatedKeysAreRefused() {
        assertThat(problem("""
                limits:
                  depth: 10
                  depth: 20
                """)).contains("line 3, column 3: limits.depth: key appears twice (first on line 2)");
    }

    @Test
    void anchorsAliasesAndTagsAreRefused() {
        assertThat(problem("""
                listeners:
                  c2s: &l {port: 1}
                  admin: *l
                """)).contains("line 2", "anchors and aliases (&l, *l) are not allowed");
        assertThat(problem("limits: {depth: !!str 10}")).contains("explicit tags", "not allowed");
        assertThat(problem("data-dir: !custom x")).contains("explicit tags (!custom)");
        assertThat(problem("a: &x [*x]")).contains("anchors and aliases");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String message = problem("""
                domains: [example.com]
                limits: {depth: 1}
                auth: {mechanisms: [DIGEST-MD5]}
                """);
        assertThat(message).startsWith("2 problems in parley.yaml:\n");
        assertThat(message).contains("line 2, column 17: limits.depth: expected an integer 8..1024");
        assertThat(message).contains("line 3, column 21: auth.mechanisms: expected one of SCRAM-SHA-512-PLUS");
    }

    @Test
    void domainsMustBeValidDistinctDnsNames() {
        assertThat(problem("domains: []")).contains("domains: expected a non-empty list", "got an empty list");
        assertThat(problem("domains: [a_b.example]")).contains("got 'a_b.example'");
        assertThat(problem("domains: [-x.example]")).contains("leading or trailing hyphen");
        assertThat(problem("domains: [999.1.1.1]")).contains("looks like an IPv4 address");
        assertThat(problem("domains: [example.com, Example.com.]"))
                .contains("line 1, column 24", "'example.com' is listed twice (first on line 1)");
        assertThat(problem("domains: [\"" + "a".repeat(64) + ".example\"]")).contains("label in the input is too long");
        String label = "x".repeat(63);
        assertThat(problem("domains: [" + String.join(".", label, label, label, label) + "]"))
                .contains("longer than 253 characters");
    }

    @Test
    void portZeroIsAllowedAndCollidingListenersAreNot() throws ConfigException {
        assertThat(parse("listeners: {c2s: {port: 0}, c2s-direct-tls: {port: 0}, admin: {port: 0}}")
                .listeners().admin().port()).isZero();
        assertThat(problem("listeners: {c2s-direct-tls: {port: 5222}}")).contains(
                "line 1, column 36: listeners.c2s-direct-tls: binds the same address and port as listeners.c2s");
        assertThat(problem("listeners: {admin: {port: 5222}}"))
                .as("a wildcard address overlaps every address").contains("listeners.admin: binds the same");
        assertThat(parse("listeners: {c2s-direct-tls: {enabled: false, port: 5222}}").listeners().c2sDirectTls()
                .port()).isEqualTo(5222);
        assertThat(parse("listeners: {c2s: {address: 127.0.0.1}, c2s-direct-tls: {address: 127.0.0.2, port: 5222}}")
                .listeners().c2sDirectTls().address()).isEqualTo("127.0.0.2");
        assertThat(problem("listeners: {c2s: {address: \"::\"}, c2s-direct-tls: {address: \"0::0\", port: 5222}}"))
                .contains("binds the same");
        assertThat(problem("listeners: {c2s: {address: \"g::1\"}}")).contains("expected an IP address or host name");
    }

    @Test
    void limitsStayWithinRfcAndEachOther() {
        assertThat(problem("limits: {stanza-bytes: 9999}")).contains("RFC 6120 §13.12: at least 10000");
        assertThat(problem("limits: {stanza-bytes: 10000, stanza-bytes-unauthenticated: 20000}"))
                .contains("limits.stanza-bytes-unauthenticated: 20000 is more than limits.stanza-bytes (10000)");
        assertThat(problem("limits: {depth-unauthenticated: 100}"))
                .contains("limits.depth-unauthenticated: 100 is more than limits.depth (64)");
        assertThat(problem("auth: {scram-iterations: 4095}")).contains("integer 4096..1000000");
        assertThat(problem("auth: {max-failures-per-connection: 9}")).contains("integer 2..5");
    }

    @Test
    void tlsProtocolsAndMechanismsComeFromFixedLists() {
        assertThat(problem("tls: {protocols: [TLSv1.1]}")).contains("tls.protocols",
                "expected one of TLSv1.3 | TLSv1.2, got 'TLSv1.1'");
        assertThat(problem("auth: {mechanisms: [PLAIN, plain]}")).contains("'PLAIN' is listed twice");
        assertThat(problem("tls: {provider: boringssl}")).contains("one of auto | openssl | jdk");
    }

    @Test
    void adminsAreBareJidsAtHostedDomains() throws ConfigException {
        assertThat(parse("domains: [example.com]\nadmins: [\"root@EXAMPLE.com\"]").admins())
                .containsExactly("root@example.com");
        assertThat(problem("domains: [example.com]\nadmins: [root@example.org]"))
                .contains("line 2, column 9: admins: 'root@example.org' is not at a hosted domain (domains: example.com)");
        assertThat(problem("admins: [example.com]")).contains("expected a bare JID (local@domain)");
        assertThat(problem("admins: [a@localhost/res]")).contains("expected a bare JID");
        assertThat(problem("admins: [\"a b@localhost\"]")).contains("localpart is not allowed by PRECIS");
    }

    @Test
    void certificateEntriesAreCheckedLikeSections() {
        assertThat(problem("""
                tls:
                  certificates:
                    - certificate: a.crt
                      private_key: a.key
                """)).contains("line 4, column 7: tls.certificates[0].private_key: unknown key; allowed here: "
                        + "certificate, private-key; did you mean 'private-key'?")
                .contains("line 3, column 7: tls.certificates[0]: missing key 'private-key'");
        assertThat(problem("tls: {certificates: [a.crt]}")).contains("tls.certificates[0]: expected a mapping");
        assertThat(problem("tls: {certificates: {certificate: a}}")).contains("expected a list of certificate mappings");
    }

    @Test
    void documentsThatAreNotAConfigurationAreRefused() {
        assertThat(problem("- a\n- b")).contains("expected a mapping with keys domains, data-dir");
        assertThat(problem("limits: 5")).contains("limits: expected a mapping with keys stanza-bytes");
        assertThat(problem("a: b\n---\nc: d")).contains("not valid YAML", "single document");
        assertThat(problem("limits:\n  depth: [1\n")).startsWith("parley.yaml line").contains("not valid YAML");
        assertThat(problem("{1: 2}")).contains("unknown key");
    }

    @Test
    void hugeAndDeepDocumentsAreRefused() {
        assertThat(problem("#" + "x".repeat(YamlDocument.MAX_CODE_POINTS))).contains("at most");
        assertThat(problem("a: ".repeat(1) + "[".repeat(100) + "]".repeat(100))).contains("not valid YAML");
    }
}
