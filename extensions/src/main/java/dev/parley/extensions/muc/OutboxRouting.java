package dev.parley.extensions.muc;

import dev.parley.server.api.ModuleContext;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
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
 * id) only once they are filled; one that fails or is filled with null sends nothing. While every stage is already
 * complete, which is the common case, it runs as a plain loop: no continuation per recipient.
 *
 * <p>The copies a room sends differ from one another in their 'to' only, so each is typed from the previous one
 * ({@link Stanza#withElement}): the sender's address is parsed once per outbox run, not once per recipient, and a
 * copy's 'to' is the recipient's JID the room holds ({@link Outbox.Entry#to()}), never parsed back from the copy.
 * Not thread-safe: one instance per outbox, advanced by one continuation at a time.
 */
final class OutboxRouting {
    private static final Logger log = LoggerFactory.getLogger(OutboxRouting.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ModuleContext context;
    private final List<Outbox.Entry> entries;
    private int next;
    private Stanza previous;

    private OutboxRouting(ModuleContext context, List<Outbox.Entry> entries) {
        this.context = context;
        this.entries = entries;
    }

    /** Routes {@code entries} in order; completes when the last was handled, or fails with the first failure. */
    static CompletionStage<Void> route(ModuleContext context, List<Outbox.Entry> entries) {
        return new OutboxRouting(context, entries).proceed();
    }

    private CompletionStage<Void> proceed() {
        while (next < entries.size()) {
            Outbox.Entry entry = entries.get(next++);
            CompletableFuture<XmlElement> pending = entry.stanza().toCompletableFuture();
            if (!pending.isDone()) {
                return pending.handle((element, failure) -> failure == null ? element : null)
                        .thenCompose(element -> routeOne(element, entry.to()).thenCompose(ignored -> proceed()));
            }
            CompletionStage<Void> routed = routeOne(pending.isCompletedExceptionally() ? null : pending.join(),
                    entry.to());
            if (!(routed instanceof CompletableFuture<Void> done) || !done.isDone() || done.isCompletedExceptionally()) {
                return routed.thenCompose(ignored -> proceed());
            }
        }
        return DONE;
    }

    /** Routes {@code element}, or its copy to {@code to} when that is not null. */
    private CompletionStage<Void> routeOne(XmlElement element, Jid to) {
        if (element == null) {
            return DONE;
        }
        Stanza stanza;
        try {
            if (previous != null && previous.element().name().equals(element.name())) {
                stanza = to == null ? previous.withElement(element) : previous.withElement(element, to);
            } else {
                stanza = Stanza.of(to == null ? element : element.withAttribute("to", to.toString()));
            }
        } catch (StanzaException | IllegalArgumentException e) {
            log.error("the chat service built an invalid stanza: {}", e.getMessage());
            return DONE;
        }
        previous = stanza;
        return context.route(stanza);
    }
}
