package dev.parley.server.transport;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrors;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlWriter;

/**
 * Frames what a server writes on a stream: the header, top-level elements, stream errors and the closing tag.
 * Elements of the streams namespace keep the conventional {@code stream:} prefix ({@code <stream:features>}), which
 * some deployed clients match literally.
 */
final class StreamWriter {
    private final String contentNamespace;

    StreamWriter(String contentNamespace) {
        this.contentNamespace = contentNamespace;
    }

    String header(StreamHeader header) {
        StringBuilder out = new StringBuilder(256).append("<?xml version='1.0'?><stream:stream xmlns='")
                .append(contentNamespace).append("' xmlns:stream='").append(StreamHeader.STREAM_NAMESPACE).append('\'');
        attribute(out, "from", header.from());
        attribute(out, "to", header.to());
        attribute(out, "id", header.id());
        attribute(out, "version", header.version());
        attribute(out, "xml:lang", header.lang());
        return out.append('>').toString();
    }

    void element(XmlElement element, StringBuilder out) {
        if (!element.namespace().equals(StreamHeader.STREAM_NAMESPACE)) {
            XmlWriter.write(element, contentNamespace, out);
            return;
        }
        out.append("<stream:").append(element.name()).append('>');
        for (XmlNode child : element.children()) {
            if (child instanceof XmlElement e) {
                // Children of stream elements are in their own namespaces: declare them.
                XmlWriter.write(e, StreamHeader.STREAM_NAMESPACE, out);
            }
        }
        out.append("</stream:").append(element.name()).append('>');
    }

    String error(StreamErrorCondition condition, String text, XmlElement applicationCondition) {
        StringBuilder out = new StringBuilder(256);
        XmlElement error = StreamErrors.toElement(condition, text);
        element(applicationCondition == null ? error : error.withChild(applicationCondition), out);
        return out.append(closing()).toString();
    }

    String closing() {
        return "</stream:stream>";
    }

    private static void attribute(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("='");
            XmlWriter.escape(value, true, out);
            out.append('\'');
        }
    }
}
