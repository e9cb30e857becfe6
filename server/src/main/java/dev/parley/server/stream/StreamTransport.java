package dev.parley.server.stream;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.sasl.ChannelBinding;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What a stream's state machine needs from its connection. The Netty implementation lives in the transport package; a
 * stream never sees a channel, which keeps the protocol logic testable without sockets. {@link #send} and
 * {@link #closeWithError} may be called from any thread; the other methods only on the connection's event loop
 * ({@link #executor()}).
 */
public interface StreamTransport {
    /** Opens the response stream (RFC 6120 §4.7); the connection remembers that a header went out. */
    void openStream(StreamHeader header);

    /**
     * Writes a top-level element (stanza or nonza). When more than the connection's outbound limit would wait for the
     * peer, the element is dropped and the stream closed with {@code <policy-violation/>} instead.
     */
    void send(XmlElement element);

    /**
     * Writes an element that is already bounded elsewhere (a resumed session's unacknowledged stanzas, at most the
     * stream management queue): counted as waiting, never refused, so resuming a session that was cut off for
     * reading slowly does not cut it off again.
     */
    void resend(XmlElement element);

    /** Writes a stream error and the closing tag, then closes the connection (RFC 6120 §4.9.1.1). */
    default void closeWithError(StreamErrorCondition condition, String text) {
        closeWithError(condition, text, null);
    }

    /**
     * Like {@link #closeWithError(StreamErrorCondition, String)}, with an application-specific condition element
     * (RFC 6120 §4.9.4), e.g. XEP-0198's {@code <handled-count-too-high/>}; null for none.
     */
    void closeWithError(StreamErrorCondition condition, String text, XmlElement applicationCondition);

    /** Writes the closing tag and closes the connection once the peer closed its stream or after a grace period. */
    void close();

    /** Writes {@code <proceed/>} in the clear and starts the TLS handshake right after it (RFC 6120 §5.4.3.3). */
    void startTls(XmlElement proceed, String serverName);

    /** Replaces the parser for a stream restart (after TLS or SASL, RFC 6120 §4.3.3), with new limits. */
    void restartStream(ParserLimits limits);

    boolean secured();

    /** Channel bindings of the TLS session; empty before TLS or when the engine gives none. */
    Map<String, ChannelBinding> channelBindings();

    /** Stops or resumes reading from the socket (back-pressure). */
    void setReading(boolean reading);

    Executor executor();

    /** Runs {@code task} on the event loop after {@code delay} unless cancelled; safe from any thread. */
    java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, java.time.Duration delay);

    boolean inEventLoop();

    String remoteAddress();
}
