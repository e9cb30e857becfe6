package dev.parley.server.roster;

import dev.parley.server.api.PresenceAuthorization;
import dev.parley.xmpp.jid.Jid;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who may see an account's presence by its roster (RFC 6121 §3, §4.3.2): the account itself, and contacts with a
 * subscription of type "from" or "both", exactly those the presence broadcast reaches.
 */
final class RosterPresenceAuthorization implements PresenceAuthorization {
    private final RosterService roster;

    RosterPresenceAuthorization(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public CompletionStage<Boolean> maySeePresence(Jid requester, Jid account) {
        if (requester.bare().equals(account)) {
            return CompletableFuture.completedFuture(true);
        }
        if (requester.local() == null) {
            return CompletableFuture.completedFuture(false); // a server or service has no roster entry of its own
        }
        return roster.find(account, requester.bare()).thenApply(item -> item.filter(i -> i.subscription().from())
                .isPresent());
    }
}
