package dev.parley.server.roster;

import dev.parley.server.api.storage.Roster;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.offline.OfflineMessages;
import dev.parley.server.routing.Effect;
import dev.parley.server.routing.PresenceHandling;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionPresence;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Presence for accounts of this server (RFC 6121 §4): initial presence broadcast to subscribers with probes to the
 * contacts the user is subscribed to (§4.2, §4.3), updates (§4.4), unavailable presence (§4.5) on request and when
 * the session ends, directed presence and its cleanup (§4.6), probes answered from the current sessions or, when the
 * account has no available resource, with its last unavailable presence ({@link LastPresence}, §4.3.2).
 * Subscription stanzas go to {@link Subscriptions}. A resource that becomes available with a non-negative priority
 * gets the offline messages (XEP-0160) first, newer messages held back until they are out; a newly available resource
 * gets the pending subscription requests (§3.1.3).
 */
public final class Presences implements PresenceHandling {
    private final RosterService roster;
    private final Subscriptions subscriptions;
    private final SessionRegistry sessions;
    private final OfflineMessages offline;
    private final LastPresence lastPresence;

    Presences(RosterService roster, Subscriptions subscriptions, SessionRegistry sessions, OfflineMessages offline,
              LastPresence lastPresence) {
        this.roster = roster;
        this.subscriptions = subscriptions;
        this.sessions = sessions;
        this.offline = offline;
        this.lastPresence = lastPresence;
    }

    @Override
    public CompletionStage<List<Effect>> fromClient(ClientSession session, Presence presence) {
        return switch (presence.type()) {
            case SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED -> subscriptions.outbound(session, presence);
            // Presence goes out from the full JID (§4.2.2), also when the client wrote its bare JID as 'from'.
            case AVAILABLE, UNAVAILABLE -> presence.to() == null ? broadcast(session, presence.withFrom(session.jid()))
                    : done(directed(session, presence.withFrom(session.jid())));
            case PROBE, ERROR -> done(presence.to() == null ? List.of() : List.of(Effect.route(presence)));
        };
    }

    @Override
    public CompletionStage<List<Effect>> inboundSubscription(Presence presence) {
        return subscriptions.inbound(presence);
    }

    /**
     * §4.3.2: the prober gets the presence of each available resource if it may see it, or the account's last
     * unavailable presence when none is available; else "unsubscribed".
     */
    @Override
    public CompletionStage<List<Effect>> probe(Presence probe) {
        Jid user = probe.to().bare();
        Jid prober = probe.from();
        if (prober == null) {
            return done(List.of()); // nobody to answer
        }
        if (prober.bare().equals(user)) {
            return done(presenceOf(user, prober)); // a user always sees its own resources (§4.2.2, §4.4.2)
        }
        return roster.find(user, prober.bare()).thenCompose(item -> item.filter(i -> i.subscription().from()).isPresent()
                ? presenceOrLast(user, prober)
                : done(List.of(Effect.route(Subscriptions.subscription(Presence.Type.UNSUBSCRIBED, user,
                        prober.bare())))));
    }

    private CompletionStage<List<Effect>> presenceOrLast(Jid user, Jid prober) {
        List<Effect> current = presenceOf(user, prober);
        if (!current.isEmpty()) {
            return done(current);
        }
        return lastPresence.of(user, prober).thenApply(last -> last.<List<Effect>>map(p -> List.of(Effect.route(p)))
                .orElse(List.of()));
    }

    /**
     * The session ended (its stream closed or broke): unavailable presence to everyone who had its presence (§4.5.2,
     * §4.6.3). Nothing when another session took over the same resource, which is still online.
     */
    @Override
    public CompletionStage<List<Effect>> ended(ClientSession session) {
        if (sessions.session(session.jid()).isPresent()) {
            return done(List.of());
        }
        Presence unavailable = (Presence) Effect.generated(XmlElement.builder("presence", Namespaces.CLIENT)
                .attribute("from", session.jid().toString())
                .attribute("type", Presence.Type.UNAVAILABLE.value()).build());
        return broadcast(session, unavailable);
    }

    private CompletionStage<List<Effect>> broadcast(ClientSession session, Presence presence) {
        SessionPresence state = session.presence();
        boolean available = presence.type() == Presence.Type.AVAILABLE;
        Presence before = state.current();
        boolean storedMessages = available && presence.priority() >= 0 && (before == null || before.priority() < 0);
        if (storedMessages) {
            // From the moment bare-JID messages can reach the resource, newer ones wait behind the stored ones.
            session.holdMessages();
        }
        Presence previous = state.update(available ? presence : null);
        List<Jid> directed = available ? List.of() : state.takeDirected();
        if (!available && previous == null && directed.isEmpty()) {
            return done(List.of()); // it was not available: nobody has its presence to take back
        }
        Jid user = session.jid().bare();
        boolean lastAvailable = !available && previous != null
                && sessions.sessions(user).stream().noneMatch(ClientSession::available);
        CompletionStage<Void> delivered = storedMessages
                ? offline.deliverTo(session).whenComplete((result, failure) -> session.releaseMessages())
                : lastAvailable ? lastPresence.remember(presence) : done(null);
        return delivered.thenCompose(ignored -> roster.load(user)).thenApply(loaded -> {
            Set<Jid> recipients = new LinkedHashSet<>();
            loaded.items().stream().filter(item -> item.subscription().from())
                    .forEach(item -> recipients.add(item.contact()));
            recipients.add(user); // the user's own resources, this one included (§4.2.2, §4.4.2, §4.5.2)
            recipients.addAll(directed);
            List<Effect> effects = new ArrayList<>();
            recipients.forEach(to -> effects.add(Effect.route(presence.withTo(to))));
            if (available && previous == null) {
                effects.addAll(initial(session, loaded));
            }
            return effects;
        });
    }

    /** After initial presence: probes for the presence the user may see (§4.3.1), pending requests (§3.1.3). */
    private static List<Effect> initial(ClientSession session, Roster roster) {
        Jid user = session.jid().bare();
        List<Effect> effects = new ArrayList<>();
        effects.add(Effect.route(probe(session.jid(), user))); // the user's other resources (§4.2.2)
        for (RosterItem item : roster.items()) {
            if (item.subscription().to()) {
                effects.add(Effect.route(probe(session.jid(), item.contact())));
            }
        }
        for (RosterItem item : roster.items()) {
            if (item.pendingIn()) {
                effects.add(Effect.deliver(session, item.pendingRequest() != null ? item.pendingRequest()
                        : Subscriptions.subscription(Presence.Type.SUBSCRIBE, item.contact(), user)));
            }
        }
        return effects;
    }

    /** §4.6: routed as sent; the address is remembered to get unavailable presence when the resource goes. */
    private static List<Effect> directed(ClientSession session, Presence presence) {
        Jid to = presence.to();
        if (presence.type() == Presence.Type.UNAVAILABLE) {
            session.presence().undirected(to);
        } else if (!to.bare().equals(session.jid().bare()) && !session.presence().directedTo(to)) {
            return List.of(Effect.deliver(session, presence.errorReply(StanzaError.of(
                    StanzaErrorCondition.POLICY_VIOLATION, "Directed presence to more than "
                            + SessionPresence.MAX_DIRECTED + " addresses at once"))));
        }
        return List.of(Effect.route(presence));
    }

    /** The current presence of the user's available resources other than {@code prober}, addressed to it. */
    private List<Effect> presenceOf(Jid user, Jid prober) {
        List<Effect> effects = new ArrayList<>();
        for (ClientSession session : sessions.sessions(user)) {
            Presence current = session.presence().current();
            if (current != null && !session.jid().equals(prober)) {
                effects.add(Effect.route(current.withFrom(session.jid()).withTo(prober)));
            }
        }
        return effects;
    }

    private static XmlElement probe(Jid from, Jid to) {
        return XmlElement.builder("presence", Namespaces.CLIENT).attribute("from", from.toString())
                .attribute("to", to.toString()).attribute("type", Presence.Type.PROBE.value()).build();
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /** The current presence of each of the user's available resources, addressed to the contact. */
    public static List<Effect> currentPresence(SessionRegistry sessions, Jid user, Jid contact) {
        List<Effect> effects = new ArrayList<>();
        for (ClientSession session : sessions.sessions(user)) {
            Presence current = session.presence().current();
            if (current != null) {
                effects.add(Effect.route(current.withFrom(session.jid()).withTo(contact)));
            }
        }
        return effects;
    }
}
