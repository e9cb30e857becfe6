package dev.parley.server.roster;

import static dev.parley.server.testing.RoutingFixture.await;
import static dev.parley.server.testing.RoutingFixture.stanza;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.routing.Effect;
import dev.parley.server.testing.RecordingSession;
import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Presence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RFC 6121 Appendix A, every row of every table, on the real store: the user has the contact in one of the nine states
 * (pre-approved or not, §3.4), a subscription stanza goes out (A.2) or comes in (A.3), and the test checks the state
 * that follows and the effects: whether the stanza went on (routed to the contact, or delivered to the user's
 * available resource), the roster push, and the auto-replies of the A.3.1 footnote and of pre-approval.
 */
class SubscriptionStatesTest {
    private static final Jid CONTACT = Jid.parse("contact@remote.example");
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path directory;
    private static RoutingFixture node;
    private static Subscriptions subscriptions;

    @BeforeAll
    static void start() throws Exception {
        node = new RoutingFixture(directory, "");
        RosterService roster = new RosterService(node.storage.roster(), node.sessions, 100, Runnable::run);
        subscriptions = new Subscriptions(roster, node.sessions, new SubscriptionRateLimiter(1000, System::nanoTime));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // direction | stanza | state before | pre-approved before | passed on | state after | pre-approved after | auto-reply
    @ParameterizedTest(name = "{0} {1} in {2}, pre-approved {3}")
    @CsvSource(delimiter = '|', textBlock = """
            out | subscribe    | NONE                | false | true  | NONE_PENDING_OUT    | false | -
            out | subscribe    | NONE_PENDING_OUT    | false | true  | NONE_PENDING_OUT    | false | -
            out | subscribe    | NONE_PENDING_IN     | false | true  | NONE_PENDING_OUT_IN | false | -
            out | subscribe    | NONE_PENDING_OUT_IN | false | true  | NONE_PENDING_OUT_IN | false | -
            out | subscribe    | TO                  | false | true  | TO                  | false | -
            out | subscribe    | TO_PENDING_IN       | false | true  | TO_PENDING_IN       | false | -
            out | subscribe    | FROM                | false | true  | FROM_PENDING_OUT    | false | -
            out | subscribe    | FROM_PENDING_OUT    | false | true  | FROM_PENDING_OUT    | false | -
            out | subscribe    | BOTH                | false | true  | BOTH                | false | -
            out | subscribe    | NONE                | true  | true  | NONE_PENDING_OUT    | true  | -
            out | unsubscribe  | NONE                | false | true  | NONE                | false | -
            out | unsubscribe  | NONE_PENDING_OUT    | false | true  | NONE                | false | -
            out | unsubscribe  | NONE_PENDING_IN     | false | true  | NONE_PENDING_IN     | false | -
            out | unsubscribe  | NONE_PENDING_OUT_IN | false | true  | NONE_PENDING_IN     | false | -
            out | unsubscribe  | TO                  | false | true  | NONE                | false | -
            out | unsubscribe  | TO_PENDING_IN       | false | true  | NONE_PENDING_IN     | false | -
            out | unsubscribe  | FROM                | false | true  | FROM                | false | -
            out | unsubscribe  | FROM_PENDING_OUT    | false | true  | FROM                | false | -
            out | unsubscribe  | BOTH                | false | true  | FROM                | false | -
            out | subscribed   | NONE                | false | false | NONE                | true  | -
            out | subscribed   | NONE_PENDING_OUT    | false | false | NONE_PENDING_OUT    | true  | -
            out | subscribed   | NONE_PENDING_IN     | false | true  | FROM                | false | -
            out | subscribed   | NONE_PENDING_OUT_IN | false | true  | FROM_PENDING_OUT    | false | -
            out | subscribed   | TO                  | false | false | TO                  | true  | -
            out | subscribed   | TO_PENDING_IN       | false | true  | BOTH                | false | -
            out | subscribed   | FROM                | false | false | FROM                | false | -
            out | subscribed   | FROM_PENDING_OUT    | false | false | FROM_PENDING_OUT    | false | -
            out | subscribed   | BOTH                | false | false | BOTH                | false | -
            out | subscribed   | TO                  | true  | false | TO                  | true  | -
            out | unsubscribed | NONE                | false | false | NONE                | false | -
            out | unsubscribed | NONE_PENDING_OUT    | false | false | NONE_PENDING_OUT    | false | -
            out | unsubscribed | NONE_PENDING_IN     | false | true  | NONE                | false | -
            out | unsubscribed | NONE_PENDING_OUT_IN | false | true  | NONE_PENDING_OUT    | false | -
            out | unsubscribed | TO                  | false | false | TO                  | false | -
            out | unsubscribed | TO_PENDING_IN       | false | true  | TO                  | false | -
            out | unsubscribed | FROM                | false | true  | NONE                | false | -
            out | unsubscribed | FROM_PENDING_OUT    | false | true  | NONE_PENDING_OUT    | false | -
            out | unsubscribed | BOTH                | false | true  | TO                  | false | -
            out | unsubscribed | NONE_PENDING_OUT    | true  | false | NONE_PENDING_OUT    | false | -
            in  | subscribe    | NONE                | false | true  | NONE_PENDING_IN     | false | -
            in  | subscribe    | NONE_PENDING_OUT    | false | true  | NONE_PENDING_OUT_IN | false | -
            in  | subscribe    | NONE_PENDING_IN     | false | false | NONE_PENDING_IN     | false | -
            in  | subscribe    | NONE_PENDING_OUT_IN | false | false | NONE_PENDING_OUT_IN | false | -
            in  | subscribe    | TO                  | false | true  | TO_PENDING_IN       | false | -
            in  | subscribe    | TO_PENDING_IN       | false | false | TO_PENDING_IN       | false | -
            in  | subscribe    | FROM                | false | false | FROM                | false | subscribed
            in  | subscribe    | FROM_PENDING_OUT    | false | false | FROM_PENDING_OUT    | false | subscribed
            in  | subscribe    | BOTH                | false | false | BOTH                | false | subscribed
            in  | subscribe    | NONE                | true  | false | FROM                | false | subscribed
            in  | subscribe    | NONE_PENDING_OUT    | true  | false | FROM_PENDING_OUT    | false | subscribed
            in  | subscribe    | TO                  | true  | false | BOTH                | false | subscribed
            in  | unsubscribe  | NONE                | false | false | NONE                | false | -
            in  | unsubscribe  | NONE_PENDING_OUT    | false | false | NONE_PENDING_OUT    | false | -
            in  | unsubscribe  | NONE_PENDING_IN     | false | true  | NONE                | false | -
            in  | unsubscribe  | NONE_PENDING_OUT_IN | false | true  | NONE_PENDING_OUT    | false | -
            in  | unsubscribe  | TO                  | false | false | TO                  | false | -
            in  | unsubscribe  | TO_PENDING_IN       | false | true  | TO                  | false | -
            in  | unsubscribe  | FROM                | false | true  | NONE                | false | -
            in  | unsubscribe  | FROM_PENDING_OUT    | false | true  | NONE_PENDING_OUT    | false | -
            in  | unsubscribe  | BOTH                | false | true  | TO                  | false | -
            in  | subscribed   | NONE                | false | false | NONE                | false | -
            in  | subscribed   | NONE_PENDING_OUT    | false | true  | TO                  | false | -
            in  | subscribed   | NONE_PENDING_IN     | false | false | NONE_PENDING_IN     | false | -
            in  | subscribed   | NONE_PENDING_OUT_IN | false | true  | TO_PENDING_IN       | false | -
            in  | subscribed   | TO                  | false | false | TO                  | false | -
            in  | subscribed   | TO_PENDING_IN       | false | false | TO_PENDING_IN       | false | -
            in  | subscribed   | FROM                | false | false | FROM                | false | -
            in  | subscribed   | FROM_PENDING_OUT    | false | true  | BOTH                | false | -
            in  | subscribed   | BOTH                | false | false | BOTH                | false | -
            in  | unsubscribed | NONE                | false | false | NONE                | false | -
            in  | unsubscribed | NONE_PENDING_OUT    | false | true  | NONE                | false | -
            in  | unsubscribed | NONE_PENDING_IN     | false | false | NONE_PENDING_IN     | false | -
            in  | unsubscribed | NONE_PENDING_OUT_IN | false | true  | NONE_PENDING_IN     | false | -
            in  | unsubscribed | TO                  | false | true  | NONE                | false | -
            in  | unsubscribed | TO_PENDING_IN       | false | true  | NONE_PENDING_IN     | false | -
            in  | unsubscribed | FROM                | false | false | FROM                | false | -
            in  | unsubscribed | FROM_PENDING_OUT    | false | true  | FROM                | false | -
            in  | unsubscribed | BOTH                | false | true  | FROM                | false | -
            """)
    void everyRowOfAppendixA(String direction, String type, SubscriptionState before, boolean preApprovedBefore,
                             boolean passedOn, SubscriptionState after, boolean preApprovedAfter, String autoReply) {
        String user = "user" + USERS.incrementAndGet();
        Jid bare = Jid.of(user, RoutingFixture.DOMAIN, null);
        RosterItem initial = RosterItem.listed(CONTACT, "Contact", List.of("G"))
                .withState(before.subscription(), before.pendingOut(), before.pendingIn(), preApprovedBefore).orElseThrow();
        await(node.storage.roster().update(account(bare), CONTACT, current -> Optional.of(initial), 100));
        RecordingSession session = node.bind(bare + "/res");
        session.presence().requestedRoster();
        session.presence().update((Presence) stanza("<presence from='" + session.jid() + "'/>"));

        List<Effect> effects = direction.equals("out")
                ? await(subscriptions.outbound(session, (Presence) stanza("<presence type='" + type + "' from='"
                        + session.jid() + "' to='" + CONTACT + "/some-resource'/>")))
                : await(subscriptions.inbound((Presence) stanza("<presence type='" + type + "' from='" + CONTACT
                        + "/r' to='" + bare + "'/>")));

        RosterItem now = await(node.storage.roster().find(account(bare), CONTACT)).orElseThrow();
        assertThat(SubscriptionState.of(Optional.of(now))).isEqualTo(after);
        assertThat(now.preApproved()).as("pre-approved").isEqualTo(preApprovedAfter);
        assertThat(now.name()).isEqualTo("Contact");
        // Passed on: routed to the contact's bare JID stamped with the user's bare JID (§3.1.2), or delivered.
        boolean passed = direction.equals("out")
                ? effects.contains(Effect.route(stanza("<presence type='" + type + "' from='" + bare + "' to='"
                        + CONTACT + "'/>")))
                : effects.stream().anyMatch(e -> e instanceof Effect.Deliver d && type.equals(d.stanza().typeAttribute()));
        assertThat(passed).as("passed on, in " + effects).isEqualTo(passedOn);
        if (direction.equals("in")) {
            boolean replied = effects.contains(Effect.route(stanza("<presence type='subscribed' from='" + bare
                    + "' to='" + CONTACT + "'/>")));
            assertThat(replied).as("auto-reply, in " + effects).isEqualTo(autoReply.equals("subscribed"));
        }
        // A pending inbound request is not shown in the roster (§3.1.3), so only the rest of the state is pushed.
        boolean shownChange = after.subscription() != before.subscription() || after.pendingOut() != before.pendingOut()
                || preApprovedAfter != preApprovedBefore;
        boolean pushed = effects.stream().anyMatch(e -> e instanceof Effect.Deliver d && d.stanza() instanceof Iq);
        assertThat(pushed).as("roster push").isEqualTo(shownChange);
        node.sessions.unbind(session);
    }

    private static AccountId account(Jid bare) {
        return new AccountId(bare.domain(), bare.local());
    }
}
