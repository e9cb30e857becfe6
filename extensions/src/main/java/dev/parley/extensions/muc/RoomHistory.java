package dev.parley.extensions.muc;

import dev.parley.xmpp.xml.XmlElement;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The recent messages a room sends to a new occupant (XEP-0045 §7.2.15), at most {@link RoomConfig#MAX_HISTORY_LIMIT},
 * filtered by the occupant's {@code <history maxchars maxstanzas seconds since/>} request (§7.2.15, examples 37-40).
 */
final class RoomHistory {
    /**
     * A message as the room broadcast it (its 'to' not set yet; known once archived, failed if it never was), when,
     * and its size in characters of XML.
     */
    record Entry(CompletionStage<XmlElement> message, Instant at, int chars) {
    }

    /** An occupant's request; a null limit means none was given. */
    record Request(Integer maxChars, Integer maxStanzas, Long seconds, Instant since) {
        static final Request DEFAULT = new Request(null, null, null, null);
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** Adds a message that will be {@code message}; {@code shape} is it without its stanza id, to measure it. */
    void add(CompletionStage<XmlElement> message, XmlElement shape, Instant at) {
        entries.addLast(new Entry(message, at, shape.toString().length()));
        while (entries.size() > RoomConfig.MAX_HISTORY_LIMIT) {
            entries.removeFirst();
        }
    }

    /** The newest entries the request allows, at most {@code roomMax}, oldest first. */
    List<Entry> select(Request request, int roomMax, Instant now) {
        int stanzas = request.maxStanzas() == null ? roomMax : Math.min(roomMax, request.maxStanzas());
        long chars = request.maxChars() == null ? Long.MAX_VALUE : request.maxChars();
        Instant after = request.since();
        if (request.seconds() != null) {
            Instant bySeconds = now.minusSeconds(request.seconds());
            after = after == null || bySeconds.isAfter(after) ? bySeconds : after;
        }
        List<Entry> selected = new ArrayList<>();
        long used = 0;
        for (Iterator<Entry> newest = entries.descendingIterator(); newest.hasNext() && selected.size() < stanzas; ) {
            Entry entry = newest.next();
            if ((after != null && entry.at().isBefore(after)) || used + entry.chars() > chars) {
                break;
            }
            used += entry.chars();
            selected.addFirst(entry);
        }
        return selected;
    }
}
