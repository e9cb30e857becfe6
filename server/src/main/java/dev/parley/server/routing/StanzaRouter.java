package dev.parley.server.routing;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.IqScope;
import dev.parley.server.api.StanzaHandler;
import dev.parley.server.auth.AccountService;
import dev.parley.server.carbons.MessageCarbons;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Routes stanzas whose sender is known ('from' stamped) by RFC 6120 §10: to the server, to an address at a hosted
 * domain (by the RFC 6121 §8.5 rules of {@link DeliveryRules}, carried out by {@link LocalDelivery}), to a service at a
 * domain of its own ({@link HostedServices}), or refused with
 * {@code remote-server-not-found} until federation exists. Stanzas of type error are never answered with an error
 * (RFC 6120 §8.3.1), so two entities cannot bounce errors forever.
 *
 * <p>Two entry points: {@link #fromClient} for what a bound client sends (outbound processing: presence broadcast and
 * subscriptions first, the place for outbound filters), and {@link #route} for everything else. A returned stage
 * completes when the stanza was delivered, stored durably, answered or refused.
 *
 * <p>A message a client sends is copied to the account's other clients (XEP-0280 §8) once the server sends it on: when
 * it is handed to a hosted service, or to local delivery, and for a message archived there only once its archive
 * entries are durable, so that the copy carries the sender's archive id (XEP-0313 §5.1.1). A message the server
 * refuses itself (blocked, unroutable, not archivable for lack of storage) or for the server itself is not copied.
 */
public final class StanzaRouter {
    private static final Logger log = LoggerFactory.getLogger(StanzaRouter.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** For stanzas no client sent: nothing to copy. */
    private static final Consumer<Stanza> NO_COPIES = stanza -> { };

    private final IqHandlers iqHandlers;
    private final AccountService accounts;
    private final PresenceHandling presence;
    private final LocalDelivery local;
    private final MessageCarbons carbons;
    private final PendingRequests serverRequests;
    private final StanzaFilter blocking;
    private final HostedServices hostedServices = new HostedServices();

    /**
     * @param continuations where work resumes after a storage call completes (storage threads must not do it)
     */
    public StanzaRouter(SessionRegistry sessions, IqHandlers iqHandlers, AccountService accounts,
                        RoutingServices services, Executor continuations) {
        this.blocking = services.blocking();
        this.iqHandlers = iqHandlers;
        this.accounts = accounts;
        this.presence = services.presence();
        this.carbons = MessageCarbons.install(sessions, iqHandlers);
        this.local = new LocalDelivery(this, sessions, accounts, services, carbons, continuations);
        this.serverRequests = services.serverRequests();
    }

    /** Processes a stanza a bound client sent, 'from' already stamped (RFC 6120 §8.1.2.1). */
    public CompletionStage<Void> fromClient(ClientSession session, Stanza stanza) {
        if (stanza instanceof Presence sent) {
            return presence.fromClient(session, sent).thenCompose(this::execute);
        }
        StanzaError forgedCarbon = MessageCarbons.forgery(stanza);
        if (forgedCarbon != null) {
            return refuse(stanza, forgedCarbon);
        }
        return route(stanza, sent -> carbons.copySent(session, sent));
    }

    /** A bound session ended, after it left the session registry: its presence ends too. */
    public CompletionStage<Void> sessionEnded(ClientSession session) {
        return presence.ended(session).thenCompose(this::execute);
    }

    /** Routes {@code stanza}; completes when it has been delivered, stored, answered or refused. */
    public CompletionStage<Void> route(Stanza stanza) {
        return route(stanza, NO_COPIES);
    }

    /** @param sent told the stanza as its sender's archive knows it once it is sent on (see the class comment) */
    private CompletionStage<Void> route(Stanza stanza, Consumer<Stanza> sent) {
        return blocking.check(stanza).thenCompose(verdict -> switch (verdict) {
            case StanzaFilter.Verdict.Pass pass -> routeUnfiltered(stanza, sent);
            case StanzaFilter.Verdict.Drop drop -> DONE;
            case StanzaFilter.Verdict.Refuse refuse -> stanza.isError() || stanza.from() == null ? DONE
                    : routeUnfiltered(Effect.generated(stanza.errorReply(refuse.error())), NO_COPIES);
        });
    }

    private CompletionStage<Void> routeUnfiltered(Stanza stanza, Consumer<Stanza> sent) {
        Jid to = stanza.to();
        if (to == null) {
            // RFC 6120 §10.3: no 'to' means the sender's own account (the sender's bare JID).
            return stanza.from() == null ? DONE : local.deliver(stanza, stanza.from().bare(), sent);
        }
        StanzaHandler service = hostedServices.handlerFor(to);
        if (service != null) {
            sent.accept(stanza);
            return service.handle(stanza);
        }
        if (!accounts.isHosted(to)) {
            // Federation is not there yet: RFC 6120 §10.4 allows only local delivery or remote-server-not-found.
            return refuse(stanza, StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND));
        }
        if (to.isDomain()) {
            // Messages and presence for the server itself have no one to reach; IQs are the server's to answer, and
            // results and errors may be the replies to requests the server sent.
            if (stanza instanceof Iq iq && !iq.isRequest()) {
                serverRequests.replyArrived(iq);
                return DONE;
            }
            return stanza instanceof Iq iq ? answer(iq, IqScope.SERVER, to) : DONE;
        }
        return local.deliver(stanza, to, sent);
    }

    /** The services at domains of their own, which get every stanza addressed to their domain. */
    public HostedServices hostedServices() {
        return hostedServices;
    }

    /** Carries out effects in order, each after the previous one completed. */
    public CompletionStage<Void> execute(List<Effect> effects) {
        CompletionStage<Void> done = DONE;
        for (Effect effect : effects) {
            done = done.thenCompose(ignored -> switch (effect) {
                case Effect.Route route -> route(route.stanza());
                case Effect.Deliver deliver -> {
                    deliver.session().deliver(deliver.stanza());
                    yield DONE;
                }
            });
        }
        return done;
    }

    /**
     * Answers an IQ from a stream that has not authenticated yet (XEP-0077 in-band registration); completes with the
     * reply for that stream, or null when there is nothing to answer.
     */
    public CompletionStage<XmlElement> answerPreAuth(Iq iq, Jid serverDomain) {
        if (!iq.isRequest()) {
            return CompletableFuture.completedFuture(null); // nothing to answer; an error must not be answered
        }
        IqHandler handler = iqHandlers.preAuthHandler(iq.payload()).orElse(null);
        if (handler == null) {
            return CompletableFuture.completedFuture(iq.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
        }
        return invoke(handler, new IqRequest(iq, null, serverDomain)).thenApply(reply -> replyElement(iq, reply));
    }

    /** Answers an IQ request for the server or on an account's behalf; other IQs for them end here. */
    CompletionStage<Void> answer(Iq iq, IqScope scope, Jid target) {
        if (!iq.isRequest()) {
            return DONE;
        }
        IqHandler handler = iqHandlers.handler(scope, iq.payload()).orElse(null);
        if (handler == null) {
            return refuse(iq, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        }
        return invoke(handler, new IqRequest(iq, iq.from(), target))
                .thenCompose(reply -> routeGenerated(replyElement(iq, reply)).thenRun(() -> {
                    if (reply instanceof IqReply.Result result && result.afterSent() != null) {
                        result.afterSent().run();
                    }
                }));
    }

    /** Answers {@code stanza} with {@code error}, unless it is an error itself or has no sender. */
    CompletionStage<Void> refuse(Stanza stanza, StanzaError error) {
        if (stanza.isError() || stanza.from() == null) {
            return DONE;
        }
        return routeGenerated(stanza.errorReply(error));
    }

    private static CompletionStage<IqReply> invoke(IqHandler handler, IqRequest request) {
        CompletionStage<IqReply> reply;
        try {
            reply = handler.handle(request);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.exceptionally(failure -> {
            log.warn("IQ handler for {} failed", request.iq().payload().namespace(), failure);
            return IqReply.error(StanzaErrorCondition.INTERNAL_SERVER_ERROR);
        });
    }

    private static XmlElement replyElement(Iq iq, IqReply reply) {
        return switch (reply) {
            case IqReply.Result result -> iq.result(result.payload());
            case IqReply.Error error -> iq.errorReply(error.error());
        };
    }

    private CompletionStage<Void> routeGenerated(XmlElement element) {
        try {
            return route(Stanza.of(element));
        } catch (StanzaException e) {
            log.error("server generated an invalid stanza: {}", e.getMessage());
            return DONE;
        }
    }
}
