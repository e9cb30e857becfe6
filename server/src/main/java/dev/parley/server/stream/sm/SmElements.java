package dev.parley.server.stream.sm;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.xml.XmlElement;

/** The nonzas of XEP-0198 (urn:xmpp:sm:3) a server sends. */
public final class SmElements {
    public static final String NS = Namespaces.STREAM_MANAGEMENT;

    private SmElements() {
    }

    /** The stream feature (§2). */
    public static XmlElement feature() {
        return XmlElement.empty("sm", NS);
    }

    /** {@code <enabled/>} (§3, §5): when resumable, with the SM-ID, resume='true' and 'max' (seconds). */
    public static XmlElement enabled(String id, boolean resume, long maxSeconds) {
        XmlElement.Builder enabled = XmlElement.builder("enabled", NS);
        if (resume) {
            enabled.attribute("id", id).attribute("resume", "true").attribute("max", Long.toString(maxSeconds));
        }
        return enabled.build();
    }

    public static XmlElement resumed(String previd, long h) {
        return XmlElement.builder("resumed", NS).attribute("previd", previd).attribute("h", Long.toString(h)).build();
    }

    /** {@code <failed/>} with a stanza error condition (§6). */
    public static XmlElement failed(StanzaErrorCondition condition) {
        return XmlElement.builder("failed", NS)
                .child(XmlElement.empty(condition.elementName(), StanzaErrorCondition.NAMESPACE)).build();
    }

    /** A failed resumption because 'h' counts more stanzas than the server sent (§6). */
    public static XmlElement failedHandledCountTooHigh(long h, long sent) {
        return XmlElement.builder("failed", NS)
                .child(XmlElement.empty(StanzaErrorCondition.UNDEFINED_CONDITION.elementName(),
                        StanzaErrorCondition.NAMESPACE))
                .child(handledCountTooHigh(h, sent)).build();
    }

    /** The application condition of the §6 stream error. */
    public static XmlElement handledCountTooHigh(long h, long sent) {
        return XmlElement.builder("handled-count-too-high", NS).attribute("h", Long.toString(h))
                .attribute("send-count", Long.toString(sent)).build();
    }

    public static XmlElement ack(long h) {
        return XmlElement.builder("a", NS).attribute("h", Long.toString(h)).build();
    }

    public static XmlElement request() {
        return XmlElement.empty("r", NS);
    }

    /** The CSI stream feature (XEP-0352 §4). */
    public static XmlElement csiFeature() {
        return XmlElement.empty("csi", Namespaces.CSI);
    }
}
