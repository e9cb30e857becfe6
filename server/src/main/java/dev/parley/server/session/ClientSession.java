package dev.parley.server.session;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;

/**
 * A bound client resource as routing sees it. Its methods are safe from any thread: the implementation hops to the
 * session's own event loop, so stanzas delivered from one thread arrive in the order they were delivered.
 *
 * <p>{@link #deliver} is the one place where a stanza reaches a client: everything routed to a resource ends there.
 */
public interface ClientSession {
    /** The full JID bound to this session. */
    Jid jid();

    /** Its presence state (RFC 6121 §4). */
    SessionPresence presence();

    /** True once the client has sent initial presence and until it sends unavailable presence. */
    default boolean available() {
        return presence().available();
    }

    /** The priority of the last available presence (RFC 6121 §4.7.2.3); 0 before any. */
    default int priority() {
        return presence().priority();
    }

    void deliver(Stanza stanza);

    /**
     * Holds back messages delivered from now on until {@link #releaseMessages()}, while stored messages go out with
     * {@link #deliverStored}: messages stored while the client was offline (XEP-0160) arrive before newer ones.
     */
    void holdMessages();

    /** Delivers a stored message ahead of the messages being held. */
    void deliverStored(Stanza stanza);

    /** Delivers the held messages, in order, and stops holding. */
    void releaseMessages();

    /** Ends the session's stream with this error (e.g. {@code conflict} when another client takes the resource). */
    void terminate(StreamErrorCondition condition, String text);
}
