package dev.parley.xmpp.error;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;

/** Builds the {@code <stream:error/>} element of RFC 6120 §4.9.2. */
public final class StreamErrors {
    private StreamErrors() {
    }

    /**
     * {@code <stream:error>} holding the condition and, when text is given, a {@code <text xml:lang='en'/>}.
     *
     * @param text human-readable detail, or null
     */
    public static XmlElement toElement(StreamErrorCondition condition, String text) {
        XmlElement.Builder error = XmlElement.builder("error", Namespaces.STREAMS)
                .child(XmlElement.empty(condition.elementName(), StreamErrorCondition.NAMESPACE));
        if (text != null && !text.isEmpty()) {
            error.child(XmlElement.builder("text", StreamErrorCondition.NAMESPACE)
                    .attribute("xml:lang", "en")
                    .text(text)
                    .build());
        }
        return error.build();
    }

    /** The element for a thrown stream error. */
    public static XmlElement toElement(StreamErrorException exception) {
        return toElement(exception.condition(), exception.text());
    }
}
