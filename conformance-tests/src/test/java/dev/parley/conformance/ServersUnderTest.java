package dev.parley.conformance;

import java.util.Optional;

/**
 * Chooses the server the black-box suites run against: an {@link ExternalServer} when
 * {@value ExternalServer#DOMAIN_PROPERTY} is set.
 */
public final class ServersUnderTest {

    private ServersUnderTest() {
    }

    /** The selected server, started if the fixture starts one; empty when no server is available in this build. */
    public static Optional<XmppServerUnderTest> select() {
        return ExternalServer.fromProperties(System.getProperties()).map(XmppServerUnderTest.class::cast);
    }
}
