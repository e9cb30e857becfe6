package dev.parley.conformance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * An XMPP server that runs outside the test JVM (Prosody, ejabberd, a Parley started by hand), described by system
 * properties; the fixture neither starts nor stops it, and its accounts must exist beforehand.
 *
 * <pre>
 * parley.sint.external = service domain (turns this fixture on), e.g. sint.test
 * parley.sint.host     = address to connect to (default 127.0.0.1)
 * parley.sint.port     = c2s STARTTLS port (default 5222)
 * parley.sint.accounts = user1:pass1,user2:pass2,user3:pass3 (three or more existing accounts)
 * parley.sint.admin    = admin:pass (optional; XEP-0133 administrator, lets SINT create its own accounts)
 * parley.sint.cafile   = PEM file with the CA or self-signed certificate to trust (default: trust any certificate)
 * </pre>
 */
public record ExternalServer(String domain, InetSocketAddress c2sAddress, TlsTrust tlsTrust, List<Account> accounts,
                             Optional<Account> administrator) implements XmppServerUnderTest {

    public static final String DOMAIN_PROPERTY = "parley.sint.external";

    public ExternalServer {
        accounts = List.copyOf(accounts);
        if (accounts.size() < 3) {
            throw new IllegalArgumentException("an external server needs at least three accounts, got " + accounts.size());
        }
    }

    /** The fixture described by {@code properties}, or empty when {@value #DOMAIN_PROPERTY} is not set. */
    public static Optional<ExternalServer> fromProperties(Properties properties) {
        String domain = properties.getProperty(DOMAIN_PROPERTY, "").trim();
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        String host = properties.getProperty("parley.sint.host", "127.0.0.1").trim();
        int port = Integer.parseInt(properties.getProperty("parley.sint.port", "5222").trim());
        String accountList = properties.getProperty("parley.sint.accounts", "");
        List<Account> accounts = Arrays.stream(accountList.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Account::parse)
                .toList();
        Optional<Account> admin = Optional.ofNullable(properties.getProperty("parley.sint.admin"))
                .filter(value -> !value.isBlank())
                .map(Account::parse);
        String caFile = properties.getProperty("parley.sint.cafile", "").trim();
        TlsTrust trust;
        try {
            trust = caFile.isEmpty() ? TlsTrust.trustAll() : TlsTrust.fromPemFile(Path.of(caFile));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("parley.sint.cafile: cannot read certificates from " + caFile, e);
        }
        return Optional.of(new ExternalServer(domain, new InetSocketAddress(host, port), trust, accounts, admin));
    }

    /** Nothing to stop: the server's lifecycle belongs to whoever started it. */
    @Override
    public void close() {
    }
}
