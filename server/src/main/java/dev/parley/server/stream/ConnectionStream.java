package dev.parley.server.stream;

import dev.parley.xmpp.xml.StreamListener;

/** The protocol side of a connection: it hears the parsed stream and when the connection ends. */
public interface ConnectionStream extends StreamListener {
    /** The connection is gone (either side closed it): release what the stream held. */
    void disconnected();

    /**
     * The connection's peer is reading slower than it is sent to ({@code writable} false: the socket and its buffer are
     * full), or caught up again. Called on the event loop.
     */
    void writabilityChanged(boolean writable);
}
