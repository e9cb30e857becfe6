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
 * The one stored form of an XML element (a stanza kept offline, a subscription request waiting for an answer) that
 * every store keeps: the element serialised as UTF-8 XML with its own namespace declared, so it reads back in any
 * context. Reading parses with Parley's stream parser, so stored XML meets the same rules as XML from the network.
 */
public final class XmlCodec {
    private static final byte[] ROOT = ("<stream:stream xmlns:stream='" + StreamHeader.STREAM_NAMESPACE
            + "' xmlns='jabber:client'>").getBytes(StandardCharsets.UTF_8);
    private static final int DEPTH = 1024;
    private static final int ATTRIBUTES = 1024;

    private XmlCodec() {
    }

    public static byte[] encode(XmlElement element) {
        return XmlWriter.toBytes(Objects.requireNonNull(element, "element"), "");
    }

    /** @throws StorageException if {@code data} is not exactly one well-formed element */
    public static XmlElement decode(byte[] data) {
        XmlElement[] parsed = new XmlElement[1];
        int[] count = new int[1];
        StreamListener listener = new StreamListener() {
            @Override
            public void streamOpened(StreamHeader header) {
            }

            @Override
            public void element(XmlElement element) {
                parsed[0] = element;
                count[0]++;
            }

            @Override
            public void streamClosed() {
            }
        };
        XmppStreamParser parser = new XmppStreamParser(
                new ParserLimits(Math.max(512, data.length), DEPTH, ATTRIBUTES, 512), listener);
        try {
            parser.feed(ROOT, 0, ROOT.length);
            parser.feed(data, 0, data.length);
        } catch (StreamErrorException e) {
            throw new StorageException("corrupt stored XML: " + e.getMessage(), e);
        }
        if (count[0] != 1) {
            throw new StorageException("corrupt stored XML: " + count[0] + " elements instead of one");
        }
        return parsed[0];
    }
}
