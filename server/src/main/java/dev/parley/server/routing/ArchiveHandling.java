package dev.parley.server.routing;

import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The message archive (XEP-0313) as routing uses it; the archive package implements it. Routing asks it about every
 * message on its way to a local account, before delivering or storing it offline, and carries out the decision.
 */
public interface ArchiveHandling {
    /** What to do with a message once the archive has seen it. */
    sealed interface Decision {
    }

    /**
     * Deliver {@code message}: the one asked about, cleaned of forged ids and carrying the recipient's archive id if
     * any. {@code sendersView} is the same clean message carrying the id of the sender's own archive entry instead, if
     * any: what the sender's other clients see of it (XEP-0313 §5.1.1 puts that id inside a XEP-0280 sent carbon),
     * never what the recipient sees.
     */
    record Deliver(Message message, Message sendersView) implements Decision {
        public Deliver {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sendersView, "sendersView");
        }
    }

    /** A repeat of a message already accepted (XEP-0359 origin-id): it is handled, nothing more is done. */
    record AlreadyHandled() implements Decision {
    }

    /** Answer the sender with {@code error} and do not deliver: the archive could not keep the message. */
    record Refuse(StanzaError error) implements Decision {
    }

    /**
     * Archives {@code message}, on its way to the local account of {@code recipient}, in the archives it belongs to
     * (its sender's and its recipient's) and completes once those writes are durable.
     */
    CompletionStage<Decision> beforeDelivery(Message message, Jid recipient);
}
