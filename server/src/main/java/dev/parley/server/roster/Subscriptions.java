package dev.parley.server.roster;

import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterItem.Subscription;
import dev.parley.server.api.storage.RosterUpdate;
import dev.parley.server.routing.Effect;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Presence subscriptions (RFC 6121 §3) for accounts of this server: the user's side of what it sends (Appendix A.2)
 * and the contact's side of what arrives (A.3), with pre-approval (§3.4). Each stanza changes the roster entry in one
 * atomic step of the {@link SubscriptionTable}. The effects push the roster first, then pass the stanza on, then send
 * presence: the RFC names the push after the routing, but a local contact answers during the routing, and the
 * pushes must reach the user in the order of the changes.
 */
final class Subscriptions {
    /** Largest subscription request kept whole for redelivery (its status, nickname); larger ones lose their payload. */
    static final int MAX_KEPT_REQUEST = 4096;

    private final RosterService roster;
    private final SessionRegistry sessions;
    private final SubscriptionRateLimiter limiter;

    Subscriptions(RosterService roster, SessionRegistry sessions, SubscriptionRateLimiter limiter) {
        this.roster = roster;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    /** A subscription stanza from one of the user's resources (§3.1.2, §3.1.5, §3.2.2, §3.3.2). */
    CompletionStage<List<Effect>> outbound(ClientSession session, Presence presence) {
        Jid user = session.jid().bare();
        Jid contact = presence.to() == null ? null : presence.to().bare();
        if (contact == null || contact.equals(user)) {
            return done(List.of()); // one's own presence needs no subscription (§3: between a user and a contact)
        }
        Presence.Type type = presence.type();
        if (type == Presence.Type.SUBSCRIBE && !limiter.tryAcquire(user)) {
            return done(List.of(refuse(session, presence, new StanzaError(StanzaError.Type.WAIT,
                    StanzaErrorCondition.POLICY_VIOLATION, "Too many subscription requests; try again later"))));
        }
        // §3.1.2: stamp the user's bare JID and address the contact's bare JID, whatever the client wrote.
        Presence stamped = presence.withFrom(user).withTo(contact);
        return roster.update(user, contact, current -> outboundChange(type, contact, current)).thenApply(update ->
                switch (update) {
                    case RosterUpdate.Full full -> List.of(refuse(session, presence, StanzaError.of(
                            StanzaErrorCondition.POLICY_VIOLATION,
                            "Your roster is full (" + full.limit() + " entries)")));
                    case RosterUpdate.Applied applied -> outboundEffects(user, contact, stamped, applied);
                });
    }

    private static Optional<RosterItem> outboundChange(Presence.Type type, Jid contact, Optional<RosterItem> current) {
        SubscriptionState state = SubscriptionState.of(current);
        SubscriptionTable.Transition transition = SubscriptionTable.outbound(type, state);
        boolean preApproved = current.map(RosterItem::preApproved).orElse(false);
        if (type == Presence.Type.SUBSCRIBED && !transition.forward() && state.preApprovable()) {
            preApproved = true; // §3.4: approving a request not yet made
        } else if (type == Presence.Type.UNSUBSCRIBED) {
            preApproved = false; // §3.4: "unsubscribed" cancels a pre-approval
        }
        if (current.isEmpty() && type != Presence.Type.SUBSCRIBE && !preApproved) {
            return current;
        }
        SubscriptionState next = transition.next();
        return current.orElseGet(() -> RosterItem.listed(contact, null, List.of()))
                .withState(next.subscription(), next.pendingOut(), next.pendingIn(), preApproved && next.preApprovable());
    }

    private List<Effect> outboundEffects(Jid user, Jid contact, Presence stamped, RosterUpdate.Applied applied) {
        SubscriptionState before = SubscriptionState.of(applied.before());
        SubscriptionTable.Transition transition = SubscriptionTable.outbound(stamped.type(), before);
        // The push goes first: routing to a local contact can bring an answer back at once (an auto-reply), and its
        // push must not overtake this one.
        List<Effect> effects = new ArrayList<>(roster.pushes(user, applied));
        if (transition.forward()) {
            effects.add(Effect.route(stamped));
        }
        if (transition.forward() && stamped.type() == Presence.Type.SUBSCRIBED) {
            effects.addAll(Presences.currentPresence(sessions, user, contact)); // §3.1.5
        }
        if (transition.forward() && stamped.type() == Presence.Type.UNSUBSCRIBED && before.subscription().from()) {
            effects.addAll(unavailable(user, contact)); // §3.2.2
        }
        return effects;
    }

    /** A subscription stanza that arrived for an account of this server (§3.1.3, §3.1.6, §3.2.3, §3.3.3). */
    CompletionStage<List<Effect>> inbound(Presence presence) {
        Jid user = presence.to().bare();
        Jid contact = presence.from() == null ? user : presence.from().bare();
        if (contact.equals(user)) { // no contact, or oneself: nothing to subscribe to
            return done(List.of());
        }
        Presence delivered = presence.withTo(user);
        return roster.update(user, contact, current -> inboundChange(delivered, contact, current)).thenApply(update ->
                switch (update) {
                    // The contact learns the request was not taken; the user's roster stays within its limit.
                    case RosterUpdate.Full full -> List.of(Effect.route(presence.errorReply(StanzaError.of(
                            StanzaErrorCondition.RESOURCE_CONSTRAINT, "The recipient's roster is full"))));
                    case RosterUpdate.Applied applied -> inboundEffects(user, contact, delivered, applied);
                });
    }

    private static Optional<RosterItem> inboundChange(Presence presence, Jid contact, Optional<RosterItem> current) {
        SubscriptionState state = SubscriptionState.of(current);
        boolean preApproved = current.map(RosterItem::preApproved).orElse(false);
        if (presence.type() == Presence.Type.SUBSCRIBE) {
            if (state.subscription().from()) {
                return current; // A.3.1 footnote: already subscribed, the server answers for the user
            }
            if (preApproved && state.preApprovable()) {
                return current.flatMap(item -> item.withState(Subscription.of(state.subscription().to(), true),
                        state.pendingOut(), false, false)); // §3.4
            }
        }
        SubscriptionTable.Transition transition = SubscriptionTable.inbound(presence.type(), state);
        SubscriptionState next = transition.next();
        if (presence.type() == Presence.Type.SUBSCRIBE && transition.forward()) {
            XmlElement request = keptRequest(presence);
            return Optional.of(current.flatMap(item -> item.withState(next.subscription(), next.pendingOut(), true,
                            false)).map(item -> item.withPendingRequest(request))
                    .orElseGet(() -> RosterItem.pendingRequest(contact, request)));
        }
        return current.flatMap(item -> item.withState(next.subscription(), next.pendingOut(), next.pendingIn(),
                preApproved && next.preApprovable()));
    }

    private List<Effect> inboundEffects(Jid user, Jid contact, Presence delivered, RosterUpdate.Applied applied) {
        SubscriptionState before = SubscriptionState.of(applied.before());
        Presence.Type type = delivered.type();
        List<Effect> effects = new ArrayList<>();
        if (type == Presence.Type.SUBSCRIBE && before.subscription().from()) {
            effects.add(Effect.route(subscription(Presence.Type.SUBSCRIBED, user, contact)));
            return effects;
        }
        if (type == Presence.Type.SUBSCRIBE && applied.before().map(RosterItem::preApproved).orElse(false)
                && before.preApprovable()) {
            effects.addAll(roster.pushes(user, applied));
            effects.add(Effect.route(subscription(Presence.Type.SUBSCRIBED, user, contact)));
            effects.addAll(Presences.currentPresence(sessions, user, contact));
            return effects;
        }
        if (!SubscriptionTable.inbound(type, before).forward()) {
            return effects;
        }
        effects.addAll(roster.pushes(user, applied));
        for (ClientSession session : sessions.sessions(user)) {
            if (session.available()) {
                effects.add(Effect.deliver(session, delivered));
            }
        }
        if (type == Presence.Type.UNSUBSCRIBE && before.subscription().from()) {
            effects.addAll(unavailable(user, contact)); // §3.3.3
        }
        return effects;
    }

    /**
     * What removing {@code removed} from the user's roster tells the contact (§2.5.2): {@code unsubscribe} if the user
     * had or asked for a subscription, {@code unsubscribed} if the contact had or asked for one, with unavailable
     * presence from the user's resources.
     */
    List<Effect> cancelAll(Jid user, RosterItem removed) {
        List<Effect> effects = new ArrayList<>();
        if (removed.subscription().to() || removed.pendingOut()) {
            effects.add(Effect.route(subscription(Presence.Type.UNSUBSCRIBE, user, removed.contact())));
        }
        if (removed.subscription().from() || removed.pendingIn()) {
            effects.add(Effect.route(subscription(Presence.Type.UNSUBSCRIBED, user, removed.contact())));
        }
        if (removed.subscription().from()) {
            effects.addAll(unavailable(user, removed.contact()));
        }
        return effects;
    }

    /** Unavailable presence from each of the user's available resources, for the contact. */
    private List<Effect> unavailable(Jid user, Jid contact) {
        List<Effect> effects = new ArrayList<>();
        for (ClientSession session : sessions.sessions(user)) {
            if (session.available()) {
                effects.add(Effect.route(XmlElement.builder("presence", Namespaces.CLIENT)
                        .attribute("from", session.jid().toString()).attribute("to", contact.toString())
                        .attribute("type", Presence.Type.UNAVAILABLE.value()).build()));
            }
        }
        return effects;
    }

    static XmlElement subscription(Presence.Type type, Jid from, Jid to) {
        return XmlElement.builder("presence", Namespaces.CLIENT).attribute("from", from.toString())
                .attribute("to", to.toString()).attribute("type", type.value()).build();
    }

    /** The request kept for redelivery at the user's next login (§3.1.3): whole, unless it is unreasonably large. */
    private static XmlElement keptRequest(Presence presence) {
        XmlElement element = presence.element();
        return XmlWriter.toXml(element).length() <= MAX_KEPT_REQUEST ? element : element.withChildren(List.of());
    }

    private static Effect refuse(ClientSession session, Presence presence, StanzaError error) {
        return Effect.deliver(session, presence.errorReply(error));
    }

    private static CompletionStage<List<Effect>> done(List<Effect> effects) {
        return CompletableFuture.completedFuture(effects);
    }
}
