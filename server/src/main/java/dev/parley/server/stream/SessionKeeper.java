package dev.parley.server.stream;

import dev.parley.server.config.ClientState;
import dev.parley.server.config.StreamManagement;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.server.stream.sm.AckState;
import dev.parley.server.stream.sm.OutboundQueue.Unacked;
import dev.parley.server.stream.sm.ResumptionRegistry;
import dev.parley.server.stream.sm.UnackedRerouter;
import dev.parley.xmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The life of client sessions beyond one connection (XEP-0198 §5): it makes sessions, keeps resumable ones by SM-ID,
 * holds a dropped session for the resumption timeout, hands it to the stream that resumes it, and ends sessions so
 * that nothing they were given is lost: first the session leaves the directory, then its unacknowledged stanzas are
 * routed again ({@link UnackedRerouter}), and only then does its presence end.
 */
public final class SessionKeeper implements SessionEnding {
    private static final Logger log = LoggerFactory.getLogger(SessionKeeper.class);

    private final StreamManagement config;
    private final ClientState clientState;
    private final SessionRegistry sessions;
    private final StanzaRouter router;
    private final UnackedRerouter rerouter;
    private final Executor background;
    private final SessionOptions options;
    private final ResumptionRegistry<StreamSession> resumable;

    /**
     * @param background where work a session asks for while it holds its lock is done (not on the caller's stack)
     */
    public SessionKeeper(StreamManagement config, ClientState clientState, SessionRegistry sessions,
                         StanzaRouter router, Executor background, Clock clock) {
        this.config = config;
        this.clientState = clientState;
        this.sessions = sessions;
        this.router = router;
        this.rerouter = new UnackedRerouter(router);
        this.background = background;
        this.options = new SessionOptions(clientState.heldPresences(), config.requestAckIdle(), clock);
        this.resumable = new ResumptionRegistry<>(config.maxDetached());
    }

    boolean streamManagementOffered() {
        return config.enabled();
    }

    boolean clientStateOffered() {
        return clientState.enabled();
    }

    StreamSession newSession(Jid full, StreamTransport transport, CompletableFuture<Void> settled) {
        return new StreamSession(full, transport, settled, this, options);
    }

    /**
     * The stream management state for a session whose client sent {@code <enable/>}: resumable (registered under a
     * new SM-ID) when the client asked and resumption is possible, for at most {@code clientMax} seconds if given.
     */
    AckState enable(StreamSession session, boolean resume, Long clientMax) {
        Duration timeout = null;
        if (resume && config.maxDetached() > 0) {
            timeout = config.resumeTimeout();
            if (clientMax != null && clientMax > 0 && clientMax < timeout.toSeconds()) {
                timeout = Duration.ofSeconds(clientMax);
            }
        }
        String id = timeout != null ? resumable.register(session.jid(), session) : null;
        return new AckState(id, timeout, config.unackedQueue(), config.requestAckAfter());
    }

    /**
     * Keeps a session whose connection dropped for its resumption timeout ({@code timer} runs it). False when too
     * many sessions are kept already: the session is ending, and the caller ends it.
     */
    boolean detached(StreamSession session, StreamTransport timer) {
        AckState state = session.streamManagement();
        Optional<ResumptionRegistry.Entry<StreamSession>> entry = resumable.detach(state.id(), session);
        if (entry.isEmpty()) {
            log.info("[{}] too many sessions wait for resumption; ending this one", session.jid());
            return !session.endDetached();
        }
        log.debug("[{}] detached; resumable for {}", session.jid(), state.resumeTimeout());
        timer.schedule(() -> {
            if (resumable.expire(state.id(), entry.get()) && session.endDetached()) {
                log.debug("[{}] resumption timed out", session.jid());
                sessions.unbind(session);
                end(session);
            }
        }, state.resumeTimeout());
        return true;
    }

    /** The session registered under {@code previd} for {@code account}, if any, without taking it. */
    Optional<StreamSession> find(String previd, Jid account) {
        return resumable.peek(previd, account);
    }

    /** Takes the session registered under {@code previd} for {@code account}: of racing callers one alone gets it. */
    Optional<StreamSession> claim(String previd, Jid account) {
        return resumable.claim(previd, account);
    }

    /** Registers a resumed session under its SM-ID again. */
    void resumed(StreamSession session) {
        resumable.reattached(session.streamManagement().id(), session.jid(), session);
    }

    /**
     * Ends a session that has left the session directory: its unacknowledged stanzas are routed again, then its
     * presence ends. Completes when both are done.
     */
    CompletionStage<Void> end(StreamSession session) {
        AckState state = session.streamManagement();
        if (state != null && state.id() != null) {
            resumable.forget(state.id(), session);
        }
        return rerouter.reroute(session.jid(), session.finish())
                .thenCompose(ignored -> router.sessionEnded(session));
    }

    @Override
    public void reroute(Jid session, Unacked stanza) {
        background.execute(() -> rerouter.reroute(session, stanza).exceptionally(failure -> {
            log.error("[{}] routing an undeliverable stanza again failed", session, failure);
            return null;
        }));
    }

    @Override
    public void unbindNow(StreamSession session) {
        background.execute(() -> sessions.unbind(session));
    }

    @Override
    public void endNow(StreamSession session) {
        background.execute(() -> {
            if (session.endDetached()) {
                sessions.unbind(session);
                end(session);
            }
        });
    }

    /** Sessions waiting for resumption on this node. */
    public int detachedSessions() {
        return resumable.detachedCount();
    }
}
