package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One message in an account's archive (XEP-0313 §3: timestamp, remote JID, server-assigned id, the stanza).
 *
 * @param id     the archive's sequence number, assigned by {@link ArchiveStore#append}: 1 for an archive's first
 *               message, then increasing by one in the order the messages were appended; never reused
 * @param stamp  when the message was sent (outgoing) or received (incoming), kept to the millisecond
 * @param with   the other party: the recipient of an outgoing message, the sender of an incoming one (the account's
 *               own full JID for a message it sent itself)
 * @param stanza the message as archived ('from' and 'to' stamped)
 */
public record ArchivedMessage(long id, Instant stamp, Jid with, XmlElement stanza) {
    public ArchivedMessage {
        Objects.requireNonNull(with, "with");
        Objects.requireNonNull(stanza, "stanza");
        stamp = millis(stamp);
    }

    static Instant millis(Instant stamp) {
        Objects.requireNonNull(stamp, "stamp");
        Instant truncated = stamp.truncatedTo(ChronoUnit.MILLIS);
        try {
            truncated.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new DateTimeException("stamp is out of the storable range: " + stamp, e);
        }
        return truncated;
    }
}
