package dev.parley.server.stream.sm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Stanza;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** What an inactive client is spared (XEP-0352), in order, within bounds. */
class CsiFilterTest {
    private final List<String> out = new ArrayList<>();
    private final CsiFilter filter = new CsiFilter(2);

    private void offer(String xml) {
        filter.offer(RoutingFixture.stanza(xml), s -> out.add(s.id()));
    }

    @Test
    void activeClientsGetEverything() {
        offer("<presence id='p' from='a@x/1'/>");
        offer("<message id='cs' from='a@x/1'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        assertThat(out).containsExactly("p", "cs");
    }

    @Test
    void keepsTheLatestPresencePerSenderAndFlushesBeforeOtherStanzas() {
        filter.inactivate();
        offer("<presence id='a1' from='a@x/1'/>");
        offer("<presence id='b1' from='b@x/1'/>");
        offer("<presence id='a2' from='a@x/1' type='unavailable'/>");
        offer("<message id='cs' from='a@x/1'><paused xmlns='http://jabber.org/protocol/chatstates'/>"
                + "<thread>t</thread></message>");
        offer("<presence id='sub' from='c@x' type='subscribe'/>");
        assertThat(out).as("subscription requests need an answer: they pass, after what is held")
                .containsExactly("b1", "a2", "sub");
        offer("<presence id='a3' from='a@x/1'/>");
        offer("<message id='m' from='a@x/1'><body>hi</body></message>");
        assertThat(out).containsExactly("b1", "a2", "sub", "a3", "m");
    }

    @Test
    void heldPresenceIsBoundedAndFlushedOnActive() {
        filter.inactivate();
        offer("<presence id='a' from='a@x/1'/>");
        offer("<presence id='b' from='b@x/1'/>");
        assertThat(out).isEmpty();
        offer("<presence id='c' from='c@x/1'/>");
        assertThat(out).as("one over the bound sends them all").containsExactly("a", "b", "c");
        offer("<presence id='d' from='d@x/1'/>");
        filter.activate(s -> out.add(s.id()));
        assertThat(out).containsExactly("a", "b", "c", "d");
        assertThat(filter.inactive()).isFalse();
    }

    @Test
    void chatStatesWithAPayloadAreNotChatStateOnly() {
        Stanza withBody = RoutingFixture.stanza("<message><body>x</body>"
                + "<active xmlns='http://jabber.org/protocol/chatstates'/></message>");
        Stanza error = RoutingFixture.stanza("<message type='error'>"
                + "<active xmlns='http://jabber.org/protocol/chatstates'/></message>");
        assertThat(CsiFilter.isChatStateOnly(withBody)).isFalse();
        assertThat(CsiFilter.isChatStateOnly(error)).isFalse();
    }
}
