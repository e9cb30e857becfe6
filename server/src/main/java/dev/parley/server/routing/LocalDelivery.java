package dev.parley.server.routing;

import dev.parley.server.api.IqScope;
import dev.parley.server.auth.AccountService;
import dev.parley.server.carbons.MessageCarbons;
import dev.parley.server.routing.DeliveryRules.Action;
import dev.parley.server.routing.DeliveryRules.Address;
import dev.parley.server.routing.DeliveryRules.Kind;
import dev.parley.server.routing.DeliveryRules.Resources;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Carries out {@link DeliveryRules} for an address at a hosted domain (RFC 6121 §8.5). Whether the account exists is
 * asked of the store only when no session is bound and the answer would change the action.
 */
final class LocalDelivery {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final StanzaRouter router;
    private final SessionRegistry sessions;
    private final AccountService accounts;
    private final PresenceHandling presence;
    private final OfflineHandling offline;
    private final MessageCarbons carbons;
    private final ArchiveHandling archive;
    private final Executor continuations;

    LocalDelivery(StanzaRouter router, SessionRegistry sessions, AccountService accounts, RoutingServices services,
                  MessageCarbons carbons, Executor continuations) {
        this.router = router;
        this.sessions = sessions;
        this.accounts = accounts;
        this.presence = services.presence();
        this.offline = services.offline();
        this.carbons = carbons;
        this.archive = services.archive();
        this.continuations = continuations;
    }

    /**
     * @param sent told the stanza as its sender's archive knows it once it is sent on: at once, or for a message on
     *             its way to the account once the archive accepted it (then it carries the sender's archive id)
     */
    CompletionStage<Void> deliver(Stanza stanza, Jid to, Consumer<Stanza> sent) {
        List<ClientSession> bound = sessions.sessions(to.bare());
        Kind kind = Kind.of(stanza);
        Address address = address(to, bound);
        Resources resources = Resources.of(bound);
        if (!bound.isEmpty() || !DeliveryRules.dependsOnAccount(kind, address, resources)) {
            return act(DeliveryRules.decide(kind, address, true, resources), stanza, to, bound, sent);
        }
        return accounts.exists(to.bare()).thenComposeAsync(
                exists -> act(DeliveryRules.decide(kind, address, exists, resources), stanza, to, bound, sent),
                continuations);
    }

    /** {@code bound} is the snapshot the action was decided on, so the two cannot disagree. */
    private CompletionStage<Void> act(Action action, Stanza stanza, Jid to, List<ClientSession> bound,
                                      Consumer<Stanza> sent) {
        if (stanza instanceof Message message && reachesAccount(action)) {
            return archiveThenDeliver(message, to, sent);
        }
        sent.accept(stanza);
        return carryOut(action, stanza, to, bound);
    }

    /**
     * XEP-0313: a message is archived durably before anyone receives it, its sender's other clients included; a
     * refused one reaches no one, and a repeat (AlreadyHandled) was sent on the first time.
     */
    private CompletionStage<Void> archiveThenDeliver(Message message, Jid to, Consumer<Stanza> sent) {
        return archive.beforeDelivery(message, to).thenCompose(decision -> switch (decision) {
            case ArchiveHandling.Deliver deliver -> {
                sent.accept(deliver.sendersView());
                yield deliverArchived(deliver.message(), to);
            }
            case ArchiveHandling.AlreadyHandled handled -> DONE;
            case ArchiveHandling.Refuse refuse -> router.refuse(message, refuse.error());
        });
    }

    /**
     * Decides again on the sessions bound now: while the archive write became durable, the resource the first decision
     * chose may have gone (the message then goes to another resource or offline storage) or another may have come.
     */
    private CompletionStage<Void> deliverArchived(Message message, Jid to) {
        List<ClientSession> bound = sessions.sessions(to.bare());
        Action action = DeliveryRules.decide(Kind.of(message), address(to, bound), true, Resources.of(bound));
        return carryOut(action, message, to, bound);
    }

    private static Address address(Jid to, List<ClientSession> bound) {
        return to.isBare() ? Address.BARE
                : bound.stream().anyMatch(s -> s.jid().equals(to)) ? Address.FULL_CONNECTED : Address.FULL_UNKNOWN;
    }

    private static boolean reachesAccount(Action action) {
        return switch (action) {
            case DELIVER_TO_RESOURCE, DELIVER_TO_MOST_AVAILABLE, DELIVER_TO_NON_NEGATIVE, DELIVER_TO_AVAILABLE,
                 STORE_OFFLINE -> true;
            default -> false;
        };
    }

    private CompletionStage<Void> carryOut(Action action, Stanza stanza, Jid to, List<ClientSession> bound) {
        return switch (action) {
            case DELIVER_TO_RESOURCE -> deliverTo(stanza, bound, s -> s.jid().equals(to));
            case DELIVER_TO_MOST_AVAILABLE -> {
                int best = bound.stream().filter(ClientSession::available).mapToInt(ClientSession::priority).max()
                        .orElse(-1);
                yield deliverTo(stanza, bound, s -> s.available() && s.priority() == best);
            }
            case DELIVER_TO_NON_NEGATIVE -> deliverTo(stanza, bound, s -> s.available() && s.priority() >= 0);
            case DELIVER_TO_AVAILABLE -> deliverTo(stanza, bound, ClientSession::available);
            case STORE_OFFLINE -> offline.store((Message) stanza).thenCompose(error -> error.isPresent()
                    ? router.refuse(stanza, error.get()) : DONE);
            case SERVICE_UNAVAILABLE -> router.refuse(stanza, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE));
            case DROP, AS_BARE -> DONE;
            case SUBSCRIPTION -> presence.inboundSubscription((Presence) stanza).thenCompose(router::execute);
            case PROBE -> presence.probe((Presence) stanza).thenCompose(router::execute);
            case ANSWER_FOR_ACCOUNT -> router.answer((Iq) stanza, IqScope.ACCOUNT, to.bare());
        };
    }

    private CompletionStage<Void> deliverTo(Stanza stanza, List<ClientSession> bound, Predicate<ClientSession> chosen) {
        List<ClientSession> recipients = bound.stream().filter(chosen).toList();
        recipients.forEach(session -> session.deliver(stanza));
        carbons.copyReceived(stanza, bound, recipients);
        return DONE;
    }
}
