package dev.parley.server.routing;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.IqScope;
import dev.parley.server.auth.AccountService;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Delivers stanzas whose sender is known ('from' stamped) by the rules of RFC 6120 §10 and RFC 6121 §8 for the hosted
 * domains: to the server, to an account's bare JID, to a full JID. Stanzas of type error are never answered with an
 * error (RFC 6120 §8.3.1), so two entities cannot bounce errors forever.
 */
public final class StanzaRouter {
    private static final Logger log = LoggerFactory.getLogger(StanzaRouter.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final SessionRegistry sessions;
    private final IqHandlers iqHandlers;
    private final AccountService accounts;

    public StanzaRouter(SessionRegistry sessions, IqHandlers iqHandlers, AccountService accounts) {
        this.sessions = sessions;
        this.iqHandlers = iqHandlers;
        this.accounts = accounts;
    }

    /** Routes {@code stanza}; completes when it has been delivered, answered or refused. */
    public CompletionStage<Void> route(Stanza stanza) {
        Jid to = stanza.to();
        if (to == null) {
            // RFC 6120 §10.3: no 'to' means the sender's own account (the sender's bare JID).
            return stanza.from() == null ? DONE : routeToAccount(stanza, stanza.from().bare());
        }
        if (!accounts.isHosted(to)) {
            // Federation is not there yet: RFC 6120 §10.4 allows only local delivery or remote-server-not-found.
            return refuse(stanza, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
        }
        if (to.isDomain()) {
            return routeToServer(stanza, to);
        }
        if (to.isBare()) {
            return routeToAccount(stanza, to);
        }
        return routeToResource(stanza, to);
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

    private CompletionStage<Void> routeToServer(Stanza stanza, Jid domain) {
        if (stanza instanceof Iq iq) {
            return answer(iq, IqScope.SERVER, domain);
        }
        // Messages and presence addressed to the server itself have no one to reach (RFC 6121 §8.5.? leaves it to us).
        return DONE;
    }

    private CompletionStage<Void> routeToAccount(Stanza stanza, Jid bare) {
        List<ClientSession> bound = sessions.sessions(bare);
        return switch (stanza) {
            case Iq iq -> bound.isEmpty()
                    ? ifAccountExists(bare, iq, () -> answer(iq, IqScope.ACCOUNT, bare))
                    : answer(iq, IqScope.ACCOUNT, bare);
            case Message message -> deliverToAccount(message, bare, bound);
            case Presence presence -> {
                bound.stream().filter(ClientSession::available).forEach(s -> s.deliver(presence));
                yield DONE;
            }
        };
    }

    private CompletionStage<Void> routeToResource(Stanza stanza, Jid full) {
        ClientSession session = sessions.session(full).orElse(null);
        if (session != null) {
            session.deliver(stanza);
            return DONE;
        }
        return switch (stanza) {
            // RFC 6121 §8.5.3.2.1: normal, chat and headline messages to an unknown resource go to the bare JID.
            case Message message when message.type() != Message.Type.GROUPCHAT -> routeToAccount(stanza, full.bare());
            case Message message -> refuse(message, StanzaErrorCondition.SERVICE_UNAVAILABLE);
            case Iq iq -> refuse(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE);
            case Presence presence -> DONE; // RFC 6121 §8.5.3.2.3: silently ignored
        };
    }

    /** RFC 6121 §8.5.2: to the available resources of highest non-negative priority. */
    private CompletionStage<Void> deliverToAccount(Message message, Jid bare, List<ClientSession> bound) {
        if (message.type() == Message.Type.GROUPCHAT) {
            return refuse(message, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        int best = bound.stream().filter(ClientSession::available).mapToInt(ClientSession::priority).max().orElse(-1);
        if (best >= 0) {
            bound.stream().filter(s -> s.available() && s.priority() == best).forEach(s -> s.deliver(message));
            return DONE;
        }
        if (message.type() == Message.Type.HEADLINE) {
            return DONE; // RFC 6121 §8.5.2.2.1: headlines for nobody are dropped
        }
        // Offline storage (XEP-0160) takes these once it exists; until then the sender learns the message was not delivered.
        return refuse(message, StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }

    private CompletionStage<Void> ifAccountExists(Jid bare, Iq iq, java.util.function.Supplier<CompletionStage<Void>> then) {
        return accounts.exists(bare).thenCompose(exists -> exists
                ? then.get()
                : refuse(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE));
    }

    private CompletionStage<Void> answer(Iq iq, IqScope scope, Jid target) {
        if (!iq.isRequest()) {
            return DONE; // results and errors for the server or an account without a session end here
        }
        IqHandler handler = iqHandlers.handler(scope, iq.payload()).orElse(null);
        if (handler == null) {
            return refuse(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        return invoke(handler, new IqRequest(iq, iq.from(), target))
                .thenCompose(reply -> routeGenerated(replyElement(iq, reply)).thenRun(() -> {
                    if (reply instanceof IqReply.Result result && result.afterSent() != null) {
                        result.afterSent().run();
                    }
                }));
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

    private CompletionStage<Void> refuse(Stanza stanza, StanzaErrorCondition condition) {
        if ("error".equals(stanza.typeAttribute()) || stanza.from() == null) {
            return DONE;
        }
        return routeGenerated(stanza.errorReply(StanzaError.of(condition)));
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
