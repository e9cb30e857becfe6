package dev.parley.server.routing;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.stanza.Message;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Offline storage (XEP-0160) as routing uses it; the offline package implements it. */
public interface OfflineHandling {
    /**
     * Keeps {@code message} for the account it is addressed to. Completes once the message is durable, with empty when
     * it was stored or deliberately discarded, or with the error to answer the sender with.
     */
    CompletionStage<Optional<StanzaError>> store(Message message);
}
