package dev.parley.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Stanza;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

/**
 * A congested connection ({@link StreamSession#congested}): broadcast presence waits, only the latest per sender, so a
 * flood to a client that reads slowly stays as large as the number of senders.
 */
class StreamSessionCongestionTest {
    private final RecordingTransport transport = new RecordingTransport();
    /** Holds at most 3 presences (RecordingTransport's options). */
    private final StreamSession session = RecordingTransport.session("bob@example.com/pc", transport,
            new ArrayList<>());

    private static Stanza presence(String from, int i) {
        return RoutingFixture.stanza("<presence id='p" + i + "' from='" + from + "'"
                + (i % 2 == 0 ? "" : " type='unavailable'") + "/>");
    }

    @Test
    void aPresenceFloodIsCoalescedToTheLatestPerSenderWhileCongested() {
        session.congested(true);
        for (int i = 0; i < 300; i++) {
            session.deliver(presence("room@conference.example.com/n" + i % 3, i));
        }
        assertThat(transport.sent).as("300 presences from 3 senders wait").isEmpty();

        session.deliver(RoutingFixture.stanza("<message id='m' type='groupchat'><body>hi</body></message>"));
        assertThat(transport.ids()).as("the latest of each sender, before the message that follows them")
                .containsExactly("p297", "p298", "p299", "m");
    }

    @Test
    void whatWaitedGoesOutWhenTheConnectionCatchesUpAndLaterStanzasPass() {
        session.congested(true);
        session.deliver(presence("a@example.com/x", 0));
        session.deliver(presence("a@example.com/x", 2));
        session.deliver(RoutingFixture.stanza("<message id='typing'><composing "
                + "xmlns='http://jabber.org/protocol/chatstates'/></message>"));
        assertThat(transport.sent).as("chat states describe a moment that is over: dropped").isEmpty();

        session.congested(false);
        assertThat(transport.ids()).containsExactly("p2");
        session.deliver(presence("a@example.com/x", 4));
        assertThat(transport.ids()).containsExactly("p2", "p4");
    }

    @Test
    void moreSendersThanTheBoundFlushRatherThanHoldWithoutLimit() {
        session.congested(true);
        for (int i = 0; i < 4; i++) {
            session.deliver(presence("s" + i + "@example.com/x", 2 * i));
        }
        assertThat(transport.ids()).containsExactly("p0", "p2", "p4", "p6");
    }

    @Test
    void clientStateAndCongestionTogetherStillDeliverTheLatest() {
        session.clientState(false);
        session.deliver(presence("a@example.com/x", 0));
        session.congested(true);
        session.clientState(true);
        assertThat(transport.sent).as("released by the client, held for the connection").isEmpty();
        session.deliver(presence("a@example.com/x", 1));
        session.congested(false);
        assertThat(transport.ids()).containsExactly("p1");
    }
}
