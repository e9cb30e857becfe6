package dev.parley.load.scenario;

import dev.parley.load.client.Stanzas;
import dev.parley.load.client.XmppSession;
import dev.parley.load.metrics.Payload;

/** One session sending numbered, timestamped messages to one address. Used on its session's event loop only. */
final class Sender {
    private final XmppSession session;
    private final String to;
    private final String type;
    private final int number;
    private final int recipients;
    private int nextSequence;

    /** {@code recipients}: how many sessions each message should reach (1 in a chat, the occupants in a room). */
    Sender(XmppSession session, String to, String type, int number, int recipients) {
        this.session = session;
        this.to = to;
        this.type = type;
        this.number = number;
        this.recipients = recipients;
    }

    XmppSession session() {
        return session;
    }

    /** Queues the next message (the caller flushes); false, sending nothing, when the connection is backed up. */
    boolean send(long now) {
        if (!session.isWritable()) {
            return false;
        }
        session.send(Stanzas.message(to, type, new Payload(number, nextSequence++, now).encode()));
        return true;
    }

    int sent() {
        return nextSequence;
    }

    /** Deliveries owed for what this sender sent so far. */
    long expected() {
        return (long) nextSequence * recipients;
    }
}
