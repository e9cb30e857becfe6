package dev.parley.server.roster;

import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterItem.Subscription;

import java.util.Optional;

/**
 * The nine subscription states of RFC 6121 Appendix A.1, from the point of view of the account whose roster holds the
 * entry. Pre-approval (§3.4) is kept beside the state, as a flag of the roster entry.
 */
enum SubscriptionState {
    NONE(Subscription.NONE, false, false),
    NONE_PENDING_OUT(Subscription.NONE, true, false),
    NONE_PENDING_IN(Subscription.NONE, false, true),
    NONE_PENDING_OUT_IN(Subscription.NONE, true, true),
    TO(Subscription.TO, false, false),
    TO_PENDING_IN(Subscription.TO, false, true),
    FROM(Subscription.FROM, false, false),
    FROM_PENDING_OUT(Subscription.FROM, true, false),
    BOTH(Subscription.BOTH, false, false);

    private final Subscription subscription;
    private final boolean pendingOut;
    private final boolean pendingIn;

    SubscriptionState(Subscription subscription, boolean pendingOut, boolean pendingIn) {
        this.subscription = subscription;
        this.pendingOut = pendingOut;
        this.pendingIn = pendingIn;
    }

    /** The state of an entry; no entry is "None". */
    static SubscriptionState of(Optional<RosterItem> item) {
        if (item.isEmpty()) {
            return NONE;
        }
        RosterItem entry = item.get();
        for (SubscriptionState state : values()) {
            if (state.subscription == entry.subscription() && state.pendingOut == entry.pendingOut()
                    && state.pendingIn == entry.pendingIn()) {
                return state;
            }
        }
        throw new IllegalStateException("no Appendix A state for " + entry); // RosterItem rules out the others
    }

    Subscription subscription() {
        return subscription;
    }

    boolean pendingOut() {
        return pendingOut;
    }

    boolean pendingIn() {
        return pendingIn;
    }

    /** A request from the contact could be pre-approved in this state (§3.4: no subscription from, none pending). */
    boolean preApprovable() {
        return !subscription.from() && !pendingIn;
    }
}
