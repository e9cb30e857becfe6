package dev.parley.server.transport;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrors;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.Utf8Sink;
import dev.parley.xmpp.xml.XmlNode;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Frames what a server writes on a stream: the header, top-level elements, stream errors and the closing tag.
 * Elements of the streams namespace keep the conventional {@code stream:} prefix ({@code <stream:features>}), which
 * some deployed clients match literally. Elements are written as UTF-8 through {@link XmlWriter#writeUtf8}, so the
 * children a stanza shares with its copies for other recipients are encoded once (under this stream's content
 * namespace) and only copied here. Stateless: safe from any thread.
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

    /** The element encoded in a buffer of its own, which the caller owns. */
    ByteBuf element(XmlElement element) {
        ByteBuf buf = Unpooled.buffer(256);
        element(element, new ByteBufSink(buf));
        return buf;
    }

    private void element(XmlElement element, Utf8Sink out) {
        if (!element.namespace().equals(StreamHeader.STREAM_NAMESPACE)) {
            XmlWriter.writeUtf8(element, contentNamespace, out);
            return;
        }
        out.writeUtf8("<stream:" + element.name() + ">");
        for (XmlNode child : element.children()) {
            if (child instanceof XmlElement e) {
                // Children of stream elements are in their own namespaces: declare them.
                XmlWriter.writeUtf8(e, StreamHeader.STREAM_NAMESPACE, out);
            }
        }
        out.writeUtf8("</stream:" + element.name() + ">");
    }

    /** The stream error and the closing tag, in a buffer the caller owns. */
    ByteBuf error(StreamErrorCondition condition, String text, XmlElement applicationCondition) {
        XmlElement error = StreamErrors.toElement(condition, text);
        ByteBuf buf = element(applicationCondition == null ? error : error.withChild(applicationCondition));
        ByteBufUtil.writeUtf8(buf, closing());
        return buf;
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
