package dev.parley.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The message archive (XEP-0313).
 *
 * @param maxPageSize  most messages one query returns; larger requests are capped (XEP-0313 §4.2 lets a server)
 * @param dedupeWindow how long a message's XEP-0359 origin-id is remembered, so a resend is not delivered twice
 *                     (zero: never)
 */
public record Archive(int maxPageSize, Duration dedupeWindow) {
    public Archive {
        Objects.requireNonNull(dedupeWindow, "dedupeWindow");
    }
}
