package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.api.storage.RosterItem.Subscription;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RosterStore} must do: atomic read-modify-write of entries, a version that grows with every change,
 * a size limit checked in the same step, isolation of accounts, durability.
 */
public abstract class RosterStoreContract extends StorageContract {
    private static final AccountId ALICE = new AccountId("example.com", "alice");
    private static final Jid BOB = Jid.parse("bob@example.com");
    private static final Jid CAROL = Jid.parse("carol@example.net");

    private RosterStore roster() {
        return provider().roster();
    }

    private RosterUpdate.Applied put(AccountId owner, RosterItem item) {
        return (RosterUpdate.Applied) await(roster().update(owner, item.contact(), current -> Optional.of(item), 100));
    }

    @Test
    void emptyRosterHasVersionZero() {
        assertThat(await(roster().load(ALICE))).isEqualTo(new Roster(0, List.of()));
        assertThat(await(roster().find(ALICE, BOB))).isEmpty();
    }

    @Test
    void deleteAllEmptiesTheRosterButItsVersionKeepsGrowing() {
        AccountId carolsOwner = new AccountId("example.com", "dave");
        put(ALICE, RosterItem.listed(BOB, "Bob", List.of()));
        put(ALICE, RosterItem.listed(CAROL, null, List.of()));
        put(carolsOwner, RosterItem.listed(BOB, null, List.of()));

        await(roster().deleteAll(ALICE));

        Roster emptied = await(roster().load(ALICE));
        assertThat(emptied.items()).isEmpty();
        assertThat(emptied.version()).isGreaterThan(2);
        assertThat(await(roster().find(ALICE, BOB))).isEmpty();
        assertThat(await(roster().load(carolsOwner)).items()).hasSize(1);
        assertThat(put(ALICE, RosterItem.listed(BOB, null, List.of())).version()).isGreaterThan(emptied.version());
    }

    @Test
    void addedEntryIsFoundAndLoadedWithANewVersion() {
        RosterItem bob = RosterItem.listed(BOB, "Bob", List.of("Friends", "Work"));

        RosterUpdate.Applied added = put(ALICE, bob);

        assertThat(added.before()).isEmpty();
        assertThat(added.after()).contains(bob);
        assertThat(added.version()).isEqualTo(1);
        assertThat(await(roster().find(ALICE, BOB))).contains(bob);
        assertThat(await(roster().load(ALICE))).isEqualTo(new Roster(1, List.of(bob)));
    }

    @Test
    void everyChangeBumpsTheVersionAndNoChangeKeepsIt() {
        RosterItem bob = RosterItem.listed(BOB, null, List.of());
        put(ALICE, bob);
        RosterItem renamed = bob.withNameAndGroups("Bobby", List.of());

        assertThat(put(ALICE, renamed).version()).isEqualTo(2);
        RosterUpdate.Applied unchanged = put(ALICE, renamed);
        assertThat(unchanged.changed()).isFalse();
        assertThat(unchanged.version()).isEqualTo(2);

        RosterUpdate.Applied removed = (RosterUpdate.Applied) await(
                roster().update(ALICE, BOB, current -> Optional.empty(), 100));
        assertThat(removed.before()).contains(renamed);
        assertThat(removed.after()).isEmpty();
        assertThat(removed.version()).isEqualTo(3);
        assertThat(await(roster().load(ALICE))).isEqualTo(new Roster(3, List.of()));
    }

    @Test
    void theChangeSeesTheCurrentEntry() {
        put(ALICE, RosterItem.listed(BOB, "Bob", List.of()));

        await(roster().update(ALICE, BOB, current -> current.flatMap(item -> item.withState(Subscription.TO,
                false, false, false)), 100));

        assertThat(await(roster().find(ALICE, BOB)).orElseThrow().subscription()).isEqualTo(Subscription.TO);
        assertThat(await(roster().find(ALICE, BOB)).orElseThrow().name()).isEqualTo("Bob");
    }

    @Test
    void everyStateAndAPendingRequestRoundTrip() {
        XmlElement request = XmlElement.builder("presence", "jabber:client").attribute("type", "subscribe")
                .attribute("from", CAROL.toString()).textChild("status", "It's me, Carol").build();
        RosterItem hidden = RosterItem.pendingRequest(CAROL, request);
        RosterItem full = new RosterItem(BOB, "B\u00f6b \u2603", List.of("\u00e9t\u00e9", "g"), Subscription.FROM,
                true, false, false, true, null);
        RosterItem preApproved = new RosterItem(Jid.parse("example.org"), null, List.of(), Subscription.TO, false,
                false, true, true, null);
        put(ALICE, hidden);
        put(ALICE, full);
        put(ALICE, preApproved);

        assertThat(await(roster().load(ALICE)).items()).containsExactlyInAnyOrder(hidden, full, preApproved);
        assertThat(await(roster().find(ALICE, CAROL)).orElseThrow().pendingRequest()).isEqualTo(request);
    }

    @Test
    void addingBeyondTheLimitIsRefusedButChangesStillWork() {
        RosterItem bob = RosterItem.listed(BOB, null, List.of());
        await(roster().update(ALICE, BOB, current -> Optional.of(bob), 1));

        RosterUpdate refused = await(roster().update(ALICE, CAROL,
                current -> Optional.of(RosterItem.listed(CAROL, null, List.of())), 1));
        RosterUpdate renamed = await(roster().update(ALICE, BOB,
                current -> Optional.of(bob.withNameAndGroups("Bob", List.of())), 1));

        assertThat(refused).isEqualTo(new RosterUpdate.Full(1));
        assertThat(renamed).isInstanceOf(RosterUpdate.Applied.class);
        assertThat(await(roster().load(ALICE))).isEqualTo(
                new Roster(2, List.of(bob.withNameAndGroups("Bob", List.of()))));
    }

    @Test
    void removingMakesRoomAgain() {
        await(roster().update(ALICE, BOB, current -> Optional.of(RosterItem.listed(BOB, null, List.of())), 1));
        await(roster().update(ALICE, BOB, current -> Optional.empty(), 1));

        assertThat(await(roster().update(ALICE, CAROL,
                current -> Optional.of(RosterItem.listed(CAROL, null, List.of())), 1)))
                .isInstanceOf(RosterUpdate.Applied.class);
    }

    @Test
    void concurrentChangesOfOneEntryAreAllApplied() {
        put(ALICE, RosterItem.listed(BOB, "0", List.of()));
        List<CompletionStage<RosterUpdate>> increments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            increments.add(roster().update(ALICE, BOB, current -> current.map(item -> item.withNameAndGroups(
                    String.valueOf(Integer.parseInt(item.name()) + 1), List.of())), 100));
        }
        increments.forEach(StorageContract::await);

        assertThat(await(roster().find(ALICE, BOB)).orElseThrow().name()).isEqualTo("50");
        assertThat(await(roster().load(ALICE)).version()).isEqualTo(51);
    }

    @Test
    void concurrentAddsNeverExceedTheLimit() {
        List<CompletionStage<RosterUpdate>> adds = IntStream.range(0, 40)
                .mapToObj(i -> Jid.parse("contact" + i + "@example.com"))
                .map(jid -> roster().update(ALICE, jid, current -> Optional.of(RosterItem.listed(jid, null, List.of())),
                        25))
                .toList();

        long applied = adds.stream().map(StorageContract::await).filter(RosterUpdate.Applied.class::isInstance).count();

        assertThat(applied).isEqualTo(25);
        assertThat(await(roster().load(ALICE)).items()).hasSize(25);
    }

    @Test
    void accountsAreIsolatedEvenWhenOneNameExtendsAnother() {
        AccountId al = new AccountId("example.com", "al");
        AccountId aliceElsewhere = new AccountId("example.com.evil", "alice");
        put(ALICE, RosterItem.listed(BOB, null, List.of()));
        put(al, RosterItem.listed(CAROL, null, List.of()));

        assertThat(await(roster().load(ALICE)).items()).extracting(RosterItem::contact).containsExactly(BOB);
        assertThat(await(roster().load(al)).items()).extracting(RosterItem::contact).containsExactly(CAROL);
        assertThat(await(roster().load(al)).version()).isEqualTo(1);
        assertThat(await(roster().load(aliceElsewhere))).isEqualTo(new Roster(0, List.of()));
    }

    @Test
    void rosterAndVersionSurviveCloseAndReopen() {
        RosterItem bob = RosterItem.listed(BOB, "Bob", List.of("Friends"));
        put(ALICE, bob);
        put(ALICE, RosterItem.listed(CAROL, null, List.of()));
        await(roster().update(ALICE, CAROL, current -> Optional.empty(), 100));

        reopen();

        assertThat(await(roster().load(ALICE))).isEqualTo(new Roster(3, List.of(bob)));
        assertThat(put(ALICE, RosterItem.listed(CAROL, null, List.of())).version()).isEqualTo(4);
    }

    @Test
    void aChangeForAnotherContactFailsAndChangesNothing() {
        Throwable failure = awaitFailure(roster().update(ALICE, BOB,
                current -> Optional.of(RosterItem.listed(CAROL, null, List.of())), 100));

        assertThat(failure).isInstanceOf(StorageException.class);
        assertThat(await(roster().load(ALICE))).isEqualTo(new Roster(0, List.of()));
    }

    @Test
    void malformedArgumentsThrowBeforeAnythingIsSubmitted() {
        Jid full = Jid.parse("bob@example.com/phone");
        assertThatThrownBy(() -> roster().find(ALICE, full)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> roster().update(ALICE, BOB, current -> current, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> roster().load(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void callsAfterCloseFailWithStorageException() {
        RosterStore closed = roster();
        provider().close();

        assertThat(awaitFailure(closed.load(ALICE))).isInstanceOf(StorageException.class);
        assertThat(awaitFailure(closed.update(ALICE, BOB, current -> current, 10)))
                .isInstanceOf(StorageException.class);
    }
}
