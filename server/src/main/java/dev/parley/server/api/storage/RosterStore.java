package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Rosters (RFC 6121 §2) with their subscription states (§3), one partition per account, ordered by contact JID
 * inside it. Each roster has a version (§2.6) that every change increments.
 *
 * <p>Changes are read-modify-write steps that must not interleave (two subscription requests crossing, a roster set
 * racing a roster push), so {@link #update} takes the change as a pure function and applies it atomically, the way
 * {@link AccountStore#create} checks and writes in one step. A backend may call the function more than once (a
 * conditional write retried); it must therefore be free of side effects and cheap.
 */
public interface RosterStore extends AccountDataStore {
    /** The whole roster, unlisted entries included; version 0 and no entries for an account with none. */
    CompletionStage<Roster> load(AccountId owner);

    CompletionStage<Optional<RosterItem>> find(AccountId owner, Jid contact);

    /**
     * Applies {@code change} to the entry for {@code contact} atomically: it gets the current entry (empty if none)
     * and returns the new one (empty to remove it). The roster's version grows by one when the entry changed.
     * Adding an entry to a roster that already holds {@code maxEntries} completes with {@link RosterUpdate.Full}
     * and changes nothing.
     *
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1; the stage fails if {@code change}
     *                                  returns an entry for another contact
     */
    CompletionStage<RosterUpdate> update(AccountId owner, Jid contact, RosterChange change, int maxEntries);

    /** A change of one roster entry: a pure function of its current state. */
    @FunctionalInterface
    interface RosterChange {
        Optional<RosterItem> apply(Optional<RosterItem> current);
    }
}
