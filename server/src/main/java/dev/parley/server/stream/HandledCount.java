package dev.parley.server.stream;

import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * XEP-0198 §4 "handled" for the stanzas of a bound stream: a stanza counts once its processing completed, which for
 * a routed stanza includes the durable writes routing makes (ack after durable write). Processing runs through the
 * stream's {@link InboundSequencer}, so stanzas complete in arrival order and the count is always contiguous.
 * Stanzas received before stream management was enabled are not counted (§4: 'h' starts at {@code <enable/>}).
 */
final class HandledCount {
    private static final Logger log = LoggerFactory.getLogger(HandledCount.class);

    private final InboundSequencer inbound;
    private final Runnable onFailure;

    /**
     * @param onFailure runs on the event loop when a counted stanza's processing failed: it can never be counted, so
     *                  no later stanza can be either, and the stream must end for the client to resend
     */
    HandledCount(InboundSequencer inbound, Runnable onFailure) {
        this.inbound = inbound;
        this.onFailure = onFailure;
    }

    /** Processes {@code stanza} with {@code routing} after what came before it; counts it when routing completed. */
    void route(StreamSession session, Stanza stanza, Supplier<CompletionStage<Void>> routing,
               Executor loop) {
        boolean counted = session.streamManagement() != null;
        inbound.submit(() -> routing.get().handle((done, failure) -> {
            if (failure != null) {
                log.error("[{}] routing {} failed", session.jid(), stanza, failure);
                if (counted) {
                    loop.execute(onFailure);
                }
            } else if (counted) {
                session.inboundHandled();
            }
            return null;
        }));
    }

    /** A stanza the stream answers itself ({@code reply} null: refuses silently), in order with those before it. */
    void answered(StreamSession session, XmlElement reply) {
        boolean counted = session.streamManagement() != null;
        inbound.submit(() -> {
            if (reply != null) {
                try {
                    session.reply(Stanza.of(reply)); // through the session, so that it is counted outbound too
                } catch (StanzaException e) {
                    log.error("[{}] the server built an invalid reply: {}", session.jid(), e.getMessage());
                }
            }
            if (counted) {
                session.inboundHandled();
            }
            return CompletableFuture.completedFuture(null);
        });
    }
}
