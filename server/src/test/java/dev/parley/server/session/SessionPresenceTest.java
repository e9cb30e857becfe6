package dev.parley.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;
import org.junit.jupiter.api.Test;

class SessionPresenceTest {
    private final SessionPresence presence = new SessionPresence();

    private static Presence presence(String xml) {
        return (Presence) RoutingFixture.stanza(xml);
    }

    @Test
    void availabilityAndPriorityFollowTheBroadcastPresence() {
        assertThat(presence.available()).isFalse();
        assertThat(presence.update(presence("<presence><priority>-2</priority></presence>"))).isNull();
        assertThat(presence.available()).isTrue();
        assertThat(presence.priority()).isEqualTo(-2);
        assertThat(presence.update(null).priority()).isEqualTo(-2);
        assertThat(presence.available()).isFalse();
        assertThat(presence.priority()).isZero();
        assertThatThrownBy(() -> presence.update(presence("<presence type='unavailable'/>")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directedPresenceIsRememberedUpToTheBoundAndTakenOnce() {
        for (int i = 0; i < SessionPresence.MAX_DIRECTED; i++) {
            assertThat(presence.directedTo(Jid.parse("room" + i + "@muc.example.com/me"))).isTrue();
        }
        assertThat(presence.directedTo(Jid.parse("one-more@example.com"))).isFalse();
        assertThat(presence.directedTo(Jid.parse("room0@muc.example.com/me"))).as("already noted").isTrue();
        presence.undirected(Jid.parse("room1@muc.example.com/me"));

        assertThat(presence.takeDirected()).hasSize(SessionPresence.MAX_DIRECTED - 1)
                .doesNotContain(Jid.parse("room1@muc.example.com/me"));
        assertThat(presence.takeDirected()).isEmpty();
    }
}
