package dev.parley.server.roster;

import dev.parley.server.api.IqScope;
import dev.parley.server.api.PresenceAuthorization;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.config.Limits;
import dev.parley.server.offline.OfflineMessages;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.PresenceHandling;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The instant messaging and presence services of one node (RFC 6121 with XEP-0160), wired together: what the router
 * needs ({@link #presence()}, {@link #offline()}) and the roster IQ handler, registered once the router exists.
 */
public final class InstantMessaging {
    private final RosterService roster;
    private final Subscriptions subscriptions;
    private final Presences presences;
    private final OfflineMessages offline;
    private final SessionRegistry sessions;

    private InstantMessaging(RosterService roster, Subscriptions subscriptions, Presences presences,
                             OfflineMessages offline, SessionRegistry sessions) {
        this.roster = roster;
        this.subscriptions = subscriptions;
        this.presences = presences;
        this.offline = offline;
        this.sessions = sessions;
    }

    /**
     * @param continuations where work resumes after storage calls (the event loops); never a storage thread
     */
    public static InstantMessaging create(StorageProvider storage, SessionRegistry sessions, Limits limits,
                                          Clock clock, Executor continuations) {
        RosterService roster = new RosterService(storage.roster(), sessions, limits.rosterItems(), continuations);
        Subscriptions subscriptions = new Subscriptions(roster, sessions,
                new SubscriptionRateLimiter(limits.subscriptionRequestsPerMinute(), System::nanoTime));
        OfflineMessages offline = new OfflineMessages(storage.offline(), limits.offlineMessages(), clock, continuations);
        LastPresence lastPresence = new LastPresence(storage.keyValues(), storage.accounts(), clock, continuations);
        return new InstantMessaging(roster, subscriptions,
                new Presences(roster, subscriptions, sessions, offline, lastPresence), offline, sessions);
    }

    public PresenceHandling presence() {
        return presences;
    }

    public OfflineMessages offline() {
        return offline;
    }

    /** The roster's answer to who may see an account's presence, for {@code ModuleContext.presenceAuthorization}. */
    public PresenceAuthorization presenceAuthorization() {
        return new RosterPresenceAuthorization(roster);
    }

    /** Answers {@code jabber:iq:roster} for accounts; pushes and subscription cancellations go through {@code router}. */
    public void registerRosterHandler(IqHandlers iqHandlers, StanzaRouter router) {
        iqHandlers.register(IqScope.ACCOUNT, "query", Namespaces.ROSTER,
                new RosterIqHandler(roster, subscriptions, sessions, router));
    }
}
