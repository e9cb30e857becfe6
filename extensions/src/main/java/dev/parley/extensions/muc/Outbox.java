package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The stanzas a room sends while handling one stanza, in the order the room decided. The room fills it under its lock;
 * the service routes it in that order, which is how every occupant sees one order of messages and presence. A stanza
 * may be known only later (a groupchat message waits for its archive id): its place in the order is kept, and the
 * stanzas behind it wait for it. A stanza that completes with null or fails sends nothing.
 *
 * <p>The room's copies of one stanza to its occupants' sessions are entries of the shared stanza and the recipient's
 * JID, which the room already holds parsed: the copy gets its 'to' when it is routed, and that 'to' is not parsed.
 */
final class Outbox {
    /**
     * One stanza in the order: {@code stanza} as it is when {@code to} is null, otherwise the copy of it to {@code to}.
     */
    record Entry(CompletionStage<XmlElement> stanza, Jid to) {
        static Entry of(XmlElement stanza) {
            return new Entry(CompletableFuture.completedFuture(stanza), null);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean changed;

    void add(XmlElement stanza) {
        entries.add(Entry.of(stanza));
    }

    /** The copy of {@code stanza} to {@code to}, whatever 'to' the stanza itself has. */
    void add(XmlElement stanza, Jid to) {
        entries.add(new Entry(CompletableFuture.completedFuture(stanza), to));
    }

    /** A stanza that is known once {@code stanza} completes. */
    void addLater(CompletionStage<XmlElement> stanza) {
        entries.add(new Entry(stanza, null));
    }

    /** The copy to {@code to} of a stanza known once {@code stanza} completes; copies to many share the stage. */
    void addLater(CompletionStage<XmlElement> stanza, Jid to) {
        entries.add(new Entry(stanza, to));
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

    List<Entry> entries() {
        return entries;
    }
}
