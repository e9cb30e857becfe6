package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.RosterItem.Subscription;
import dev.parley.xmpp.jid.Jid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The states a roster entry cannot be in (RFC 6121 Appendix A has nine, plus pre-approval) are refused. */
class RosterItemTest {
    private static final Jid BOB = Jid.parse("bob@example.com");

    private static RosterItem item(Subscription subscription, boolean out, boolean in, boolean pre, boolean listed) {
        return new RosterItem(BOB, null, List.of(), subscription, out, in, pre, listed, null);
    }

    @Test
    void impossibleStatesAreRefused() {
        assertThatThrownBy(() -> item(Subscription.TO, true, false, false, true))
                .hasMessageContaining("cannot be pending");
        assertThatThrownBy(() -> item(Subscription.FROM, false, true, false, true))
                .hasMessageContaining("cannot be pending");
        assertThatThrownBy(() -> item(Subscription.FROM, false, false, true, true)).hasMessageContaining("pre-approved");
        assertThatThrownBy(() -> item(Subscription.NONE, false, true, true, true)).hasMessageContaining("pre-approved");
        assertThatThrownBy(() -> item(Subscription.NONE, false, false, false, false)).hasMessageContaining("unlisted");
        assertThatThrownBy(() -> item(Subscription.TO, false, true, false, false)).hasMessageContaining("unlisted");
        assertThatThrownBy(() -> new RosterItem(Jid.parse("bob@example.com/phone"), null, List.of(), Subscription.NONE,
                false, false, false, true, null)).hasMessageContaining("bare JID");
        assertThatThrownBy(() -> RosterItem.listed(BOB, null, List.of("a", "a"))).hasMessageContaining("distinct");
        assertThatThrownBy(() -> RosterItem.listed(BOB, null, List.of(""))).hasMessageContaining("not empty");
    }

    @Test
    void anUnlistedRequestLeftWithNothingPendingIsGone() {
        RosterItem request = RosterItem.pendingRequest(BOB, null);

        assertThat(request.withState(Subscription.NONE, false, false, false)).isEmpty();
        assertThat(request.withState(Subscription.FROM, false, false, false)).get()
                .extracting(RosterItem::listed).isEqualTo(true);
        assertThat(RosterItem.listed(BOB, null, List.of()).withState(Subscription.NONE, false, false, false))
                .as("a listed contact stays").isPresent();
    }
}
