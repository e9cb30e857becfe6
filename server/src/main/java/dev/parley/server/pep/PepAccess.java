package dev.parley.server.pep;

import dev.parley.server.api.PresenceAuthorization;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.PubSubStore;
import dev.parley.server.api.storage.PubSubStore.Affiliation;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Who may subscribe to a PEP node, retrieve its items and receive its notifications (XEP-0060 §4.1, §4.5; XEP-0163
 * §4.1): the owner always; an outcast never; a member always; anyone else by the access model: "open" anyone,
 * "presence" whoever may see the owner's presence (the installed {@link PresenceAuthorization}), "roster" contacts in
 * an allowed roster group, "whitelist" nobody but the owner and members (so with no members it is the owner's private
 * storage, XEP-0223). Refusals carry the conditions of XEP-0060 §6.1.3 and §6.5.9.
 */
final class PepAccess {
    private final Supplier<PresenceAuthorization> presence;
    private final RosterStore roster;
    private final PubSubStore store;
    private final Executor continuations;

    PepAccess(Supplier<PresenceAuthorization> presence, RosterStore roster, PubSubStore store,
              Executor continuations) {
        this.presence = presence;
        this.roster = roster;
        this.store = store;
        this.continuations = continuations;
    }

    /** Completes empty when {@code requester} may access {@code node} of {@code owner}, else with the error to answer. */
    CompletionStage<Optional<StanzaError>> check(Jid requester, Jid owner, String node, NodeConfig config) {
        if (requester.bare().equals(owner)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        AccountId account = AccountId.of(owner);
        return store.affiliations(account, node).thenComposeAsync(affiliations -> {
            Affiliation affiliation = affiliations.get(requester.bare());
            if (affiliation != null) {
                return CompletableFuture.completedFuture(affiliation == Affiliation.MEMBER ? Optional.empty()
                        : Optional.of(StanzaError.of(StanzaErrorCondition.FORBIDDEN)));
            }
            return switch (config.access()) {
                case OPEN -> CompletableFuture.completedFuture(Optional.<StanzaError>empty());
                case PRESENCE -> presence.get().maySeePresence(requester, owner).thenApplyAsync(allowed -> allowed
                        ? Optional.<StanzaError>empty() : Optional.of(PubSubXml.error(
                        StanzaErrorCondition.NOT_AUTHORIZED, "presence-subscription-required")), continuations);
                case ROSTER -> roster.find(account, requester.bare()).thenApplyAsync(entry -> allows(config, entry,
                        null) ? Optional.<StanzaError>empty() : Optional.of(PubSubXml.error(
                        StanzaErrorCondition.NOT_AUTHORIZED, "not-in-roster-group")), continuations);
                case WHITELIST -> CompletableFuture.completedFuture(
                        Optional.of(PubSubXml.error(StanzaErrorCondition.NOT_ALLOWED, "closed-node")));
            };
        }, continuations);
    }

    /**
     * Whether a contact other than the owner, with {@code entry} in the owner's roster (empty if none) and
     * {@code affiliation} with the node (null for none), has access: the rule {@link #check} applies, for when the
     * owner's roster and the node's affiliations are at hand (notifications to every contact and subscriber).
     */
    static boolean allows(NodeConfig config, Optional<RosterItem> entry, Affiliation affiliation) {
        if (affiliation != null) {
            return affiliation == Affiliation.MEMBER;
        }
        return switch (config.access()) {
            case OPEN -> true;
            case PRESENCE -> entry.filter(item -> item.subscription().from()).isPresent();
            case ROSTER -> entry.filter(item -> item.listed()
                    && item.groups().stream().anyMatch(config.rosterGroups()::contains)).isPresent();
            case WHITELIST -> false;
        };
    }
}
