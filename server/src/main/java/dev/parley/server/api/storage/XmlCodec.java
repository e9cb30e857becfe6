package dev.parley.server.api.storage;

import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.StreamListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import dev.parley.xmpp.xml.XmppStreamParser;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one stored form of XML (a vCard, private XML, an offline message, a kept subscription request): the element
 * serialised by {@link XmlWriter} as UTF-8, its namespace declared on it. The bytes are the XML a client would see,
 * so their length is the size a limit such as {@code limits.vcard-bytes} speaks of, and every backend stores the same,
 * readable bytes.
 *
 * <p>Reading back goes through {@link XmppStreamParser}, the same hardened parser that read the element off the
 * network, inside a stream header that declares no default namespace (an element without a namespace stays so).
 */
public final class XmlCodec {
    private static final byte[] WRAPPER_OPEN = ("<stream:stream xmlns:stream='" + StreamHeader.STREAM_NAMESPACE + "'>")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRAPPER_CLOSE = "</stream:stream>".getBytes(StandardCharsets.UTF_8);
    /** Stored values were parsed with the configurable limits, whose maxima are these. */
    private static final int MAX_DEPTH = 1024;
    private static final int MAX_ATTRIBUTES = 1024;

    private XmlCodec() {
    }

    public static byte[] encode(XmlElement element) {
        return XmlWriter.toBytes(Objects.requireNonNull(element, "element"), "");
    }

    /**
     * @throws StorageException if {@code data} is not one XML element as {@link #encode} writes it (a damaged value)
     */
    public static XmlElement decode(byte[] data) {
        Objects.requireNonNull(data, "data");
        Collector collector = new Collector();
        XmppStreamParser parser = new XmppStreamParser(
                new ParserLimits(Math.max(512, data.length), MAX_DEPTH, MAX_ATTRIBUTES, 256), collector);
        try {
            parser.feed(WRAPPER_OPEN, 0, WRAPPER_OPEN.length);
            parser.feed(data, 0, data.length);
            boolean closedEarly = collector.closed;
            parser.feed(WRAPPER_CLOSE, 0, WRAPPER_CLOSE.length);
            if (closedEarly || !collector.closed || collector.count != 1) {
                throw new StorageException("a stored XML value is damaged: expected one element, found "
                        + collector.count);
            }
        } catch (StreamErrorException e) {
            throw new StorageException("a stored XML value is damaged: " + e.getMessage(), e);
        }
        return collector.element;
    }

    private static final class Collector implements StreamListener {
        XmlElement element;
        int count;
        boolean closed;

        @Override
        public void streamOpened(StreamHeader header) {
        }

        @Override
        public void element(XmlElement parsed) {
            element = parsed;
            count++;
        }

        @Override
        public void streamClosed() {
            closed = true;
        }
    }
}
