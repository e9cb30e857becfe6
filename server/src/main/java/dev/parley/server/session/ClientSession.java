package dev.parley.server.session;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;

/**
 * A bound client resource as routing sees it. Its methods are safe from any thread: the implementation hops to the
 * session's own event loop, so stanzas delivered from one thread arrive in the order they were delivered.
 */
public interface ClientSession {
    /** The full JID bound to this session. */
    Jid jid();

    /** True once the client has sent initial presence and until it sends unavailable presence. */
    boolean available();

    /** The priority of the last available presence (RFC 6121 §4.7.2.3); 0 before any. */
    int priority();

    void deliver(Stanza stanza);

    /** Ends the session's stream with this error (e.g. {@code conflict} when another client takes the resource). */
    void terminate(StreamErrorCondition condition, String text);
}
