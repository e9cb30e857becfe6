package dev.parley.server.routing;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.stanza.Stanza;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A check {@link StanzaRouter#route} makes before routing a stanza: whether it may go on, is dropped, or is refused
 * with an error. Blocking (XEP-0191) is one; the refusal it asks for is sent to the sender without being checked again,
 * so a refusal cannot itself be filtered away.
 */
@FunctionalInterface
public interface StanzaFilter {
    /** Lets everything through. */
    StanzaFilter NONE = stanza -> Verdict.PASSED;

    /**
     * Decides about {@code stanza} ('from' set or not, any address). Must not block; a stage that needs storage
     * completes on an event loop, never on a storage thread.
     */
    CompletionStage<Verdict> check(Stanza stanza);

    /** What happens to the stanza. */
    sealed interface Verdict {
        CompletionStage<Verdict> PASSED = CompletableFuture.completedFuture(new Pass());
        CompletionStage<Verdict> DROPPED = CompletableFuture.completedFuture(new Drop());

        /** Routed as usual. */
        record Pass() implements Verdict {
        }

        /** Ignored silently. */
        record Drop() implements Verdict {
        }

        /** Answered with {@code error} (unless it is an error itself, RFC 6120 §8.3.1), and not routed. */
        record Refuse(StanzaError error) implements Verdict {
        }
    }
}
