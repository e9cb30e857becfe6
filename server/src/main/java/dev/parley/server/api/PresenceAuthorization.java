package dev.parley.server.api;

import dev.parley.xmpp.jid.Jid;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides who may see an account's presence, and with it what derives from presence: XEP-0012 §3 and §8 allow last
 * activity only to "those entities that have permission to view the user's presence via a presence subscription".
 *
 * <p>Until the roster (RFC 6121 §3) exists the server knows no subscriptions, so {@link #SELF_ONLY} is installed:
 * an account sees only its own presence. The roster module replaces it through
 * {@link ModuleContext#presenceAuthorization(PresenceAuthorization)} with one that allows the account itself and
 * contacts with a subscription of type "from" or "both" (and later honours blocking, XEP-0191).
 */
@FunctionalInterface
public interface PresenceAuthorization {
    /** Only the account itself (any of its resources). */
    PresenceAuthorization SELF_ONLY = (requester, account) ->
            CompletableFuture.completedFuture(requester.bare().equals(account));

    /**
     * Completes with whether {@code requester} may see the presence of {@code account}. Must not block: a look-up in
     * storage returns an incomplete stage.
     *
     * @param requester the entity asking, a full or bare JID
     * @param account   the bare JID of a local account
     */
    CompletionStage<Boolean> maySeePresence(Jid requester, Jid account);
}
