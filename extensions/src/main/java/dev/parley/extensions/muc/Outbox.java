package dev.parley.extensions.muc;

import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;

/**
 * The stanzas a room sends while handling one stanza, in the order the room decided. The room fills it under its lock;
 * the service routes it in that order, which is how every occupant sees one order of messages and presence.
 */
final class Outbox {
    private final List<XmlElement> stanzas = new ArrayList<>();
    private boolean changed;

    void add(XmlElement stanza) {
        stanzas.add(stanza);
    }

    /** Notes that what a persistent room stores (configuration, affiliations, subject) changed. */
    void stateChanged() {
        changed = true;
    }

    boolean isStateChanged() {
        return changed;
    }

    List<XmlElement> stanzas() {
        return stanzas;
    }
}
