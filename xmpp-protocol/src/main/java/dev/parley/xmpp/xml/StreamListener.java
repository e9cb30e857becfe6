package dev.parley.xmpp.xml;

import dev.parley.xmpp.error.StreamErrorException;

/** Receives what {@link XmppStreamParser} reads, in order, on the thread that feeds it. */
public interface StreamListener {
    /** The stream root was opened; its attributes are checked by the receiver. */
    void streamOpened(StreamHeader header) throws StreamErrorException;

    /** A complete top-level element (a stanza or a nonza such as {@code <starttls/>}), namespaces resolved. */
    void element(XmlElement element) throws StreamErrorException;

    /** The peer closed the stream ({@code </stream:stream>}). */
    void streamClosed() throws StreamErrorException;
}
