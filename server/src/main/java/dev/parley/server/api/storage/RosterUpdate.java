package dev.parley.server.api.storage;

import java.util.Optional;

/** The outcome of {@link RosterStore#update}. */
public sealed interface RosterUpdate {
    /**
     * The change was applied atomically (or changed nothing).
     *
     * @param before  the entry before, empty if there was none
     * @param after   the entry now, empty if there is none
     * @param version the roster's version after the update; unchanged when {@code before} equals {@code after}
     */
    record Applied(Optional<RosterItem> before, Optional<RosterItem> after, long version) implements RosterUpdate {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** The change would have added an entry to a roster already holding {@code limit} entries; nothing changed. */
    record Full(int limit) implements RosterUpdate {
    }
}
