package dev.parley.conformance;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * A running XMPP server that the black-box suites (SINT, slixmpp interop) talk to as ordinary clients.
 *
 * <p>Clients connect to {@link #c2sAddress()} and must negotiate STARTTLS (RFC 6120 §5): plaintext sessions are never used,
 * so {@link #tlsTrust()} says which certificate the client accepts. The fixture owns the server's lifecycle:
 * {@link #close()} stops whatever the fixture started (an external server is left running).
 */
public interface XmppServerUnderTest extends AutoCloseable {

    /** The XMPP service domain (RFC 6120 §2.1), e.g. {@code localhost} or {@code sint.test}. */
    String domain();

    /** Where clients open TCP connections for client-to-server streams (STARTTLS, not direct TLS). */
    InetSocketAddress c2sAddress();

    /** Which server certificates the test clients accept during STARTTLS. */
    TlsTrust tlsTrust();

    /**
     * At least three accounts that already exist on the server, with their passwords. SINT logs its three main
     * connections in with the first three when there is no {@link #administrator()}; interop tests always use them.
     */
    List<Account> accounts();

    /**
     * An account allowed to add and delete users through XEP-0133 service administration. When present, SINT creates
     * (and afterwards deletes) its own accounts through it, which the low-level SINT tests need: they open connections
     * for fresh accounts. Empty when the server does not offer XEP-0133.
     */
    Optional<Account> administrator();

    @Override
    void close();
}
