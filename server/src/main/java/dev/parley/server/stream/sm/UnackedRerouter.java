package dev.parley.server.stream.sm;

import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.stream.sm.OutboundQueue.Unacked;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Never drop on the floor what a session could not deliver (XEP-0198 §4, RFC 6120 §10.5): when a session ends with
 * stanzas its client never acknowledged, each message is routed again as if it had just arrived for the account (to
 * another resource, to offline storage, or back to its sender as an error, by RFC 6121 §8.5), stamped with an
 * XEP-0203 {@code <delay/>} of when it was first sent unless it carries one already; an IQ request is answered
 * with {@code service-unavailable}. Presence and IQ responses are not bounced: the one is state the next presence
 * replaces, the other has no one waiting for an answer to it.
 */
public final class UnackedRerouter {
    private static final Logger log = LoggerFactory.getLogger(UnackedRerouter.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final StanzaRouter router;

    public UnackedRerouter(StanzaRouter router) {
        this.router = router;
    }

    /** Routes {@code stanzas}, which were for {@code session}, one after another; completes when all are handled. */
    public CompletionStage<Void> reroute(Jid session, List<Unacked> stanzas) {
        CompletionStage<Void> done = DONE;
        for (Unacked unacked : stanzas) {
            done = done.thenCompose(ignored -> reroute(session, unacked)
                    .exceptionally(failure -> {
                        log.error("[{}] routing an unacknowledged stanza again failed", session, failure);
                        return null;
                    }));
        }
        return done;
    }

    /** Routes one stanza that was for {@code session} again. */
    public CompletionStage<Void> reroute(Jid session, Unacked unacked) {
        Stanza stanza;
        try {
            stanza = Stanza.of(unacked.stanza());
        } catch (StanzaException e) {
            log.error("[{}] an unacknowledged stanza does not parse: {}", session, e.getMessage());
            return DONE;
        }
        return switch (stanza) {
            case Message message -> router.route(delayed(message, session, unacked));
            case Iq iq when iq.isRequest() && iq.from() != null ->
                    router.route(parse(iq.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE))));
            default -> DONE;
        };
    }

    private static Stanza delayed(Message message, Jid session, Unacked unacked) {
        XmlElement element = message.element();
        if (message.to() == null) {
            element = element.withAttribute("to", session.toString());
        }
        if (element.child("delay", Namespaces.DELAY).isEmpty()) {
            element = element.withChild(XmlElement.builder("delay", Namespaces.DELAY)
                    .attribute("from", session.domain()).attribute("stamp", STAMP.format(unacked.queued())).build());
        }
        return parse(element);
    }

    private static Stanza parse(XmlElement element) {
        try {
            return Stanza.of(element);
        } catch (StanzaException e) {
            throw new IllegalStateException("the server built an invalid stanza: " + e.getMessage(), e);
        }
    }
}
