package dev.parley.server.api.storage;

import dev.parley.xmpp.xml.XmlElement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A message kept for an account while it had no resource to take it (XEP-0160).
 *
 * @param id     chosen by the caller, increasing in arrival order: messages are returned in id order
 * @param stored when it was stored, kept to the millisecond (what the XEP-0203 delay stamp shows)
 * @param stanza the message as it will be delivered ('from' and 'to' stamped)
 */
public record OfflineMessage(long id, Instant stored, XmlElement stanza) {
    public OfflineMessage {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(stanza, "stanza");
        stored = stored.truncatedTo(ChronoUnit.MILLIS);
        try {
            stored.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new DateTimeException("stored is out of the storable range: " + stored, e);
        }
    }
}
