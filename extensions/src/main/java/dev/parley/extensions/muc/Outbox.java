package dev.parley.extensions.muc;

import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The stanzas a room sends while handling one stanza, in the order the room decided. The room fills it under its lock;
 * the service routes it in that order, which is how every occupant sees one order of messages and presence. A stanza
 * may be known only later (a groupchat message waits for its archive id): its place in the order is kept, and the
 * stanzas behind it wait for it.
 */
final class Outbox {
    private final List<CompletionStage<XmlElement>> stanzas = new ArrayList<>();
    private boolean changed;

    void add(XmlElement stanza) {
        stanzas.add(CompletableFuture.completedFuture(stanza));
    }

    /** A stanza that is known once {@code stanza} completes; completing with null or failing sends nothing. */
    void addLater(CompletionStage<XmlElement> stanza) {
        stanzas.add(stanza.exceptionally(failure -> null));
    }

    /**
     * Stanzas known once {@code later} completes, at most {@code most} of them, in the list's order; their place in
     * the order is kept meanwhile. Failing sends none.
     */
    void addAllLater(CompletionStage<List<XmlElement>> later, int most) {
        CompletionStage<List<XmlElement>> known = later.exceptionally(failure -> List.of());
        for (int i = 0; i < most; i++) {
            int index = i;
            addLater(known.thenApply(list -> index < list.size() ? list.get(index) : null));
        }
    }

    /** Notes that what a persistent room stores (configuration, affiliations, subject) changed. */
    void stateChanged() {
        changed = true;
    }

    boolean isStateChanged() {
        return changed;
    }

    List<CompletionStage<XmlElement>> stanzas() {
        return stanzas;
    }
}
