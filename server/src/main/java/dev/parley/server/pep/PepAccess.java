package dev.parley.server.pep;

import dev.parley.server.api.PresenceAuthorization;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Who may retrieve a PEP node's items and receive its notifications, by its access model (XEP-0060 §4.5, XEP-0163
 * §4.1): the owner always; "open" anyone; "presence" whoever may see the owner's presence (the installed
 * {@link PresenceAuthorization}); "roster" contacts in an allowed roster group; "whitelist" the owner alone. Refusals
 * carry the conditions of XEP-0060 §6.5.9.
 */
final class PepAccess {
    private final Supplier<PresenceAuthorization> presence;
    private final RosterStore roster;

    PepAccess(Supplier<PresenceAuthorization> presence, RosterStore roster) {
        this.presence = presence;
        this.roster = roster;
    }

    /** Completes empty when {@code requester} may access the node of {@code owner}, else with the error to answer. */
    CompletionStage<Optional<StanzaError>> check(Jid requester, Jid owner, NodeConfig config) {
        if (requester.bare().equals(owner)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return switch (config.access()) {
            case OPEN -> CompletableFuture.completedFuture(Optional.empty());
            case PRESENCE -> presence.get().maySeePresence(requester, owner).thenApply(allowed -> allowed
                    ? Optional.empty() : Optional.of(PubSubXml.error(StanzaErrorCondition.NOT_AUTHORIZED,
                    "presence-subscription-required")));
            case ROSTER -> roster.find(AccountId.of(owner), requester.bare()).thenApply(entry -> allows(config, entry)
                    ? Optional.empty()
                    : Optional.of(PubSubXml.error(StanzaErrorCondition.NOT_AUTHORIZED, "not-in-roster-group")));
            case WHITELIST -> CompletableFuture.completedFuture(
                    Optional.of(PubSubXml.error(StanzaErrorCondition.NOT_ALLOWED, "closed-node")));
        };
    }

    /**
     * Whether a contact other than the owner, with {@code entry} in the owner's roster (empty if none), has access:
     * the rule {@link #check} applies, for when the owner's roster is at hand (notifications to every contact).
     */
    static boolean allows(NodeConfig config, Optional<RosterItem> entry) {
        return switch (config.access()) {
            case OPEN -> true;
            case PRESENCE -> entry.filter(item -> item.subscription().from()).isPresent();
            case ROSTER -> entry.filter(item -> item.listed()
                    && item.groups().stream().anyMatch(config.rosterGroups()::contains)).isPresent();
            case WHITELIST -> false;
        };
    }
}
