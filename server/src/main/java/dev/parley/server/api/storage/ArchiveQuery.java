package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * What an archive query asks for: filters (XEP-0313 §4.1) that decide which messages match, and a page position
 * (XEP-0059 result set management) that decides which of the matches come back. Every backend applies the filters
 * through {@link #matches}, so their meaning is defined once, here. Null means "no such filter".
 *
 * @param with       the other party: a bare JID matches every resource of it, a full JID only that resource
 *                   (XEP-0313 §4.1.1)
 * @param start      only messages stamped at or after it
 * @param end        only messages stamped at or before it
 * @param afterId    only messages with a greater id ({@code after-id}); the id must be in the archive
 * @param beforeId   only messages with a smaller id ({@code before-id}); the id must be in the archive
 * @param ids        only these messages ({@code ids}); each must be in the archive
 * @param text       full-text search: every whitespace-separated word of it must occur in the message's
 *                   {@code <body/>}, compared case-insensitively as a substring (so "hell" finds "Hello")
 * @param pageAfter  the page starts after this id (RSM {@code <after/>}); it must be in the archive
 * @param pageBefore the page ends before this id (RSM {@code <before/>}); it must be in the archive
 * @param backwards  take the page from the end of the matches (RSM {@code <before/>}, empty or not) rather than from
 *                   the start
 * @param limit      the most messages in the page; 0 asks only for the count
 */
public record ArchiveQuery(Jid with, Instant start, Instant end, Long afterId, Long beforeId, List<Long> ids,
                           String text, Long pageAfter, Long pageBefore, boolean backwards, int limit) {
    public ArchiveQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (pageBefore != null && !backwards) {
            throw new IllegalArgumentException("a page ending before an id is taken backwards");
        }
        ids = ids == null ? null : List.copyOf(ids);
        start = start == null ? null : ArchivedMessage.millis(start);
        end = end == null ? null : ArchivedMessage.millis(end);
        text = text == null || text.isBlank() ? null : text;
    }

    /** Every message, the first {@code limit} of them. */
    public static ArchiveQuery firstPage(int limit) {
        return new ArchiveQuery(null, null, null, null, null, null, null, null, null, false, limit);
    }

    /** Every message, the last {@code limit} of them. */
    public static ArchiveQuery lastPage(int limit) {
        return new ArchiveQuery(null, null, null, null, null, null, null, null, null, true, limit);
    }

    /** Every message after {@code id}, the first {@code limit} of them. */
    public static ArchiveQuery after(long id, int limit) {
        return new ArchiveQuery(null, null, null, null, null, null, null, id, null, false, limit);
    }

    /** The ids the query names, each of which must be in the archive for the query to be answered. */
    public LongStream namedIds() {
        LongStream listed = ids == null ? LongStream.empty() : ids.stream().mapToLong(Long::longValue);
        return LongStream.concat(listed, Arrays.stream(new Long[] {afterId, beforeId, pageAfter, pageBefore})
                .filter(Objects::nonNull).mapToLong(Long::longValue));
    }

    /** The smallest id the query can return (ids at or below it are outside the filters and the page). */
    public long lowerExclusive() {
        return Math.max(afterId == null ? 0 : afterId, pageAfter == null ? 0 : pageAfter);
    }

    /** The greatest id the query can return plus one. */
    public long upperExclusive() {
        return Math.min(beforeId == null ? Long.MAX_VALUE : beforeId, pageBefore == null ? Long.MAX_VALUE : pageBefore);
    }

    /** Whether {@code message} passes the filters (the id range of after-id/before-id included, the page aside). */
    public boolean matches(ArchivedMessage message) {
        return matches(message.id(), message.stamp(), message.with(), message::stanza);
    }

    /** {@link #matches(ArchivedMessage)} for a backend that reads the stanza only when the text filter needs it. */
    public boolean matches(long id, Instant stamp, Jid other, Supplier<XmlElement> stanza) {
        return (afterId == null || id > afterId)
                && (beforeId == null || id < beforeId)
                && (ids == null || ids.contains(id))
                && (start == null || !stamp.isBefore(start))
                && (end == null || !stamp.isAfter(end))
                && (with == null || matchesWith(other))
                && (text == null || matchesText(stanza.get()));
    }

    /** Whether only the page position and the limit narrow the query: every message of the archive matches. */
    public boolean unfiltered() {
        return with == null && start == null && end == null && afterId == null && beforeId == null && ids == null
                && text == null;
    }

    private boolean matchesWith(Jid other) {
        return with.isBare() ? other.bare().equals(with) : other.equals(with);
    }

    private boolean matchesText(XmlElement stanza) {
        String body = stanza.elements("body", stanza.namespace()).map(XmlElement::text)
                .reduce("", (a, b) -> a + "\n" + b).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!body.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
