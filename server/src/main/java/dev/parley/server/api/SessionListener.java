package dev.parley.server.api;

import dev.parley.server.session.ClientSession;

/**
 * Hears when client sessions come and go on this node, after the session directory changed. Called on the thread that
 * changed it (the event loop of the stream that bound or ended; for a session replaced by a new bind, the new one's);
 * must not block.
 */
public interface SessionListener {
    /** A resource was bound (RFC 6120 §7). */
    default void bound(ClientSession session) {
    }

    /** A bound session ended: the client closed its stream, the connection broke, or the server ended it. */
    default void unbound(ClientSession session) {
    }
}
