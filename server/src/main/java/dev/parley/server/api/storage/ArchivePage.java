package dev.parley.server.api.storage;

import java.util.List;

/**
 * One page of an archive query.
 *
 * @param messages the page, oldest first whichever direction it was taken in
 * @param complete no message matching the query lies beyond this page in the direction of paging (after its last
 *                 message when paging forwards, before its first when paging backwards): XEP-0313 §4.2
 *                 {@code complete='true'}
 * @param count    how many messages match the query's filters, page position aside (RSM {@code <count/>})
 */
public record ArchivePage(List<ArchivedMessage> messages, boolean complete, long count) {
    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
