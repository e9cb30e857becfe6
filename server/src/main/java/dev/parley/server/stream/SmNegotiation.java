package dev.parley.server.stream;

import dev.parley.server.stream.sm.AckCounter;
import dev.parley.server.stream.sm.AckState;
import dev.parley.server.stream.sm.OutboundQueue;
import dev.parley.server.stream.sm.SmElements;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.xml.XmlElement;

/**
 * The XEP-0198 nonzas of a bound stream: {@code <enable/>} (§3), {@code <r/>} and {@code <a/>} (§4). Each method
 * returns false when the stream must end because the client misused stream management.
 */
final class SmNegotiation {
    private final SessionKeeper keeper;
    private final StreamTransport transport;

    SmNegotiation(SessionKeeper keeper, StreamTransport transport) {
        this.keeper = keeper;
        this.transport = transport;
    }

    /** {@code session} is null before binding, when enabling is refused (§3). */
    boolean enable(StreamSession session, XmlElement enable) {
        if (!keeper.streamManagementOffered()) {
            transport.send(SmElements.failed(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));
            return true;
        }
        if (session == null) {
            transport.send(SmElements.failed(StanzaErrorCondition.UNEXPECTED_REQUEST));
            return true;
        }
        if (session.streamManagement() != null) {
            // §3: "a client SHALL only make at most one attempt"; a server "SHOULD respond with a stream error".
            transport.send(SmElements.failed(StanzaErrorCondition.UNEXPECTED_REQUEST));
            transport.closeWithError(StreamErrorCondition.POLICY_VIOLATION, "Stream management was enabled already");
            return false;
        }
        String resume = enable.attribute("resume");
        boolean wantsResume = "true".equals(resume) || "1".equals(resume);
        AckState state = keeper.enable(session, wantsResume, seconds(enable.attribute("max")));
        session.enableStreamManagement(state, SmElements.enabled(state.id(), state.resumable(),
                state.resumable() ? state.resumeTimeout().toSeconds() : 0));
        return true;
    }

    /** {@code <r/>}: answered at once with the contiguous handled count, never withheld (§4). */
    void requested(StreamSession session) {
        transport.send(session.ackAnswer());
    }

    /** {@code <a h/>}: a count above what was sent is the §6 {@code handled-count-too-high} stream error. */
    boolean acknowledged(StreamSession session, XmlElement a) throws StreamErrorException {
        long h;
        try {
            h = AckCounter.parse(a.attribute("h"));
        } catch (IllegalArgumentException e) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_XML, e.getMessage());
        }
        if (session.acknowledge(h) == OutboundQueue.Ack.ACCEPTED) {
            return true;
        }
        long sent = session.streamManagement().outbound().sent();
        transport.closeWithError(StreamErrorCondition.UNDEFINED_CONDITION, "You acknowledged " + h
                + " stanzas, but only " + sent + " were sent", SmElements.handledCountTooHigh(h, sent));
        return false;
    }

    /** A positive 'max' in seconds, or null when absent or not one. */
    private static Long seconds(String max) {
        try {
            long value = max == null ? 0 : AckCounter.parse(max);
            return value > 0 ? value : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
