package dev.parley.server.stream;

import dev.parley.server.stream.sm.OutboundQueue.Unacked;
import dev.parley.xmpp.jid.Jid;

/**
 * What a {@link StreamSession} asks of the node when it cannot keep what it was given. Called while the session holds
 * its lock, so implementations do their work later, on another thread: routing from here could reach back into a
 * session and deadlock.
 */
interface SessionEnding {
    /** Routes again a stanza that was for {@code session} but cannot reach it any more (XEP-0198 §4). */
    void reroute(Jid session, Unacked stanza);

    /** The session's stream is being closed for misbehaviour: routing must stop choosing it at once. */
    void unbindNow(StreamSession session);

    /** A detached session must end now (replaced, or its queue overflowed) instead of waiting for its timeout. */
    void endNow(StreamSession session);
}
