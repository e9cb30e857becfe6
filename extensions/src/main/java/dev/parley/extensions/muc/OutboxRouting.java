package dev.parley.extensions.muc;

import dev.parley.server.api.ModuleContext;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Routes one outbox of a room (XEP-0045 fan-out) in the room's order: each stanza only once the router has handled
 * the previous one (a route may wait for a block list or a store), and placeholders (a message waiting for its archive
 * id) only once they are filled. While every stage is already complete, which is the common case, it runs as a plain
 * loop: no continuation per recipient.
 *
 * <p>The copies a room sends differ from one another in their 'to' only, so each is typed from the previous one
 * ({@link Stanza#withElement}): the sender's address is parsed once per outbox run, not once per recipient.
 * Not thread-safe: one instance per outbox, advanced by one continuation at a time.
 */
final class OutboxRouting {
    private static final Logger log = LoggerFactory.getLogger(OutboxRouting.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ModuleContext context;
    private final List<CompletionStage<XmlElement>> stanzas;
    private int next;
    private Stanza previous;

    private OutboxRouting(ModuleContext context, List<CompletionStage<XmlElement>> stanzas) {
        this.context = context;
        this.stanzas = stanzas;
    }

    /** Routes {@code stanzas} in order; completes when the last was handled, or fails with the first failure. */
    static CompletionStage<Void> route(ModuleContext context, List<CompletionStage<XmlElement>> stanzas) {
        return new OutboxRouting(context, stanzas).proceed();
    }

    private CompletionStage<Void> proceed() {
        while (next < stanzas.size()) {
            CompletableFuture<XmlElement> pending = stanzas.get(next++).toCompletableFuture();
            if (!pending.isDone() || pending.isCompletedExceptionally()) {
                return pending.thenCompose(element -> routeOne(element).thenCompose(ignored -> proceed()));
            }
            CompletionStage<Void> routed = routeOne(pending.join());
            if (!(routed instanceof CompletableFuture<Void> done) || !done.isDone() || done.isCompletedExceptionally()) {
                return routed.thenCompose(ignored -> proceed());
            }
        }
        return DONE;
    }

    private CompletionStage<Void> routeOne(XmlElement element) {
        if (element == null) {
            return DONE;
        }
        Stanza stanza;
        try {
            stanza = previous != null && previous.element().name().equals(element.name())
                    ? previous.withElement(element) : Stanza.of(element);
        } catch (StanzaException | IllegalArgumentException e) {
            log.error("the chat service built an invalid stanza: {}", e.getMessage());
            return DONE;
        }
        previous = stanza;
        return context.route(stanza);
    }
}
