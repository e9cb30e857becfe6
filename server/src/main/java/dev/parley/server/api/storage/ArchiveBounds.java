package dev.parley.server.api.storage;

import java.time.Instant;
import java.util.Objects;

/** The first and last message of a non-empty archive: what the XEP-0313 §6 metadata query reports. */
public record ArchiveBounds(long firstId, Instant firstStamp, long lastId, Instant lastStamp) {
    public ArchiveBounds {
        Objects.requireNonNull(firstStamp, "firstStamp");
        Objects.requireNonNull(lastStamp, "lastStamp");
    }
}
