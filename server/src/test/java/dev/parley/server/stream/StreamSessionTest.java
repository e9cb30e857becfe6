package dev.parley.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Stanza;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

/** The offline-delivery gate of {@link StreamSession}: held messages go out after the stored ones, in order. */
class StreamSessionTest {
    private final RecordingTransport transport = new RecordingTransport();
    private final StreamSession session = RecordingTransport.session("bob@example.com/pc", transport,
            new ArrayList<>());

    private static Stanza stanza(String xml) {
        return RoutingFixture.stanza(xml);
    }

    @Test
    void messagesWaitWhileStoredOnesGoFirstAndOtherStanzasPass() {
        session.holdMessages();
        session.deliver(stanza("<message id='live1'><body>new</body></message>"));
        session.deliver(stanza("<presence id='p' from='alice@example.com/x'/>"));
        session.deliverStored(stanza("<message id='old1'><body>old</body></message>"));
        session.deliver(stanza("<message id='live2'><body>newer</body></message>"));
        session.deliverStored(stanza("<message id='old2'><body>older</body></message>"));
        session.releaseMessages();
        session.deliver(stanza("<message id='after'><body>later</body></message>"));

        assertThat(transport.ids()).containsExactly("p", "old1", "old2", "live1", "live2", "after");
    }

    @Test
    void holdingIsBounded() {
        session.holdMessages();
        for (int i = 0; i < OutboundHolds.MAX_HELD + 5; i++) {
            session.deliver(stanza("<message id='m" + i + "'/>"));
        }
        assertThat(transport.ids()).as("past the bound, messages go out at once")
                .containsExactly("m10000", "m10001", "m10002", "m10003", "m10004");
        session.releaseMessages();
        assertThat(transport.ids()).hasSize(OutboundHolds.MAX_HELD + 5);
    }
}
