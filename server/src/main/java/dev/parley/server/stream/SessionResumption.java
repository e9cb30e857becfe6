package dev.parley.server.stream;

import dev.parley.server.stream.sm.AckCounter;
import dev.parley.server.stream.sm.SmElements;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One {@code <resume/>} request (XEP-0198 §5) on an authenticated stream. The SM-ID must be registered to the
 * stream's own account (any other answer is {@code item-not-found}, which tells a foreign account nothing); the
 * client's 'h' must not count more than was sent (§6 {@code handled-count-too-high}, which ends the stream). Of two
 * streams resuming one session, the one that claims it from the registry wins. The winner closes the old connection
 * if it is still open ({@code conflict}), waits until the old stream has processed all it received, so that the 'h'
 * it reports counts all of it, and then resends what the client has not acknowledged.
 */
final class SessionResumption {
    private final SessionKeeper keeper;
    private final StreamTransport transport;
    private final CompletableFuture<Void> settled;
    private final Jid account;
    private boolean fatal;

    /**
     * @param settled completes when the resuming stream has processed all it received
     */
    SessionResumption(SessionKeeper keeper, StreamTransport transport, CompletableFuture<Void> settled, Jid account) {
        this.keeper = keeper;
        this.transport = transport;
        this.settled = settled;
        this.account = account;
    }

    /** Completes with the resumed session, or null when resumption failed (the answer is sent). */
    CompletionStage<StreamSession> resume(XmlElement resume) {
        String previd = resume.attribute("previd");
        long h;
        try {
            h = AckCounter.parse(resume.attribute("h"));
        } catch (IllegalArgumentException e) {
            return failed(StanzaErrorCondition.BAD_REQUEST);
        }
        StreamSession session = previd == null ? null : keeper.find(previd, account).orElse(null);
        if (session == null) {
            return failed(StanzaErrorCondition.ITEM_NOT_FOUND);
        }
        if (!session.acceptsAck(h)) {
            long sent = session.streamManagement().outbound().sent();
            transport.send(SmElements.failedHandledCountTooHigh(h, sent));
            transport.closeWithError(StreamErrorCondition.UNDEFINED_CONDITION, "You acknowledged " + h
                    + " stanzas, but only " + sent + " were sent", SmElements.handledCountTooHigh(h, sent));
            fatal = true;
            return CompletableFuture.completedFuture(null);
        }
        // The id maps to this one session for as long as the server runs, so a successful claim returns it.
        if (keeper.claim(previd, account).isEmpty()) {
            return failed(StanzaErrorCondition.ITEM_NOT_FOUND);
        }
        CompletionStage<Void> oldStreamSettled = session.takeOver();
        if (oldStreamSettled == null) {
            return failed(StanzaErrorCondition.ITEM_NOT_FOUND);
        }
        return oldStreamSettled.thenApplyAsync(ignored -> {
            XmlElement resumed = SmElements.resumed(previd, session.streamManagement().handled());
            if (!session.resumeOn(transport, settled, h, resumed)) {
                keeper.endNow(session);
                transport.send(SmElements.failed(StanzaErrorCondition.ITEM_NOT_FOUND));
                return null;
            }
            keeper.resumed(session);
            return session;
        }, transport.executor());
    }

    /** True when the stream was closed because the request was abuse, not a recoverable failure. */
    boolean fatal() {
        return fatal;
    }

    private CompletionStage<StreamSession> failed(StanzaErrorCondition condition) {
        transport.send(SmElements.failed(condition));
        return CompletableFuture.completedFuture(null);
    }
}
