package dev.parley.server.api.storage;

import java.util.List;

/**
 * A whole roster as stored: every entry, listed or not, in contact order, and its version (RFC 6121 §2.6), which
 * grows with every change and is 0 for a roster never written.
 */
public record Roster(long version, List<RosterItem> items) {
    public Roster {
        items = List.copyOf(items);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }
}
