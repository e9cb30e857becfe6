package dev.parley.conformance;

import java.util.Optional;

/**
 * Chooses the server the black-box suites run against: an {@link ExternalServer} when
 * {@value ExternalServer#DOMAIN_PROPERTY} is set, otherwise a Parley node started for the run.
 */
public final class ServersUnderTest {

    private ServersUnderTest() {
    }

    /** The external server when one is named, otherwise a freshly started Parley node. */
    public static XmppServerUnderTest select() throws Exception {
        Optional<ExternalServer> external = ExternalServer.fromProperties(System.getProperties());
        return external.isPresent() ? external.get() : ParleyServerFixture.start();
    }
}
