package dev.parley.xmpp.xml;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Feeds a whole input to a fresh parser in given pieces and records what the listener saw and how it ended. */
record StreamRun(List<Object> events, StreamErrorException error) {
    static final String CLOSED = "</stream:stream>";

    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0' xml:lang='en'>";

    static final ParserLimits LIMITS = new ParserLimits(8 * 1024, 16, 16, 1024);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** The header, then {@code content}, as UTF-8, in one piece. */
    static StreamRun ofContent(String content) {
        return of(utf8(HEADER + content));
    }

    static StreamRun of(byte[] input) {
        return of(input, LIMITS, input.length);
    }

    static StreamRun of(byte[] input, ParserLimits limits, int... pieceEnds) {
        return of(input, new XmppStreamParserFactory(limits, XmppStreamParser.READER_LIFETIME_BYTES), pieceEnds);
    }

    /** Feeds input[0, pieceEnds[0]), input[pieceEnds[0], pieceEnds[1]), ... then the rest, then ends the input. */
    static StreamRun of(byte[] input, XmppStreamParserFactory factory, int... pieceEnds) {
        List<Object> events = new ArrayList<>();
        XmppStreamParser parser = factory.create(new Recorder(events));
        int from = 0;
        try {
            for (int end : pieceEnds) {
                parser.feed(ByteBuffer.wrap(input, from, end - from));
                from = end;
            }
            parser.feed(ByteBuffer.wrap(input, from, input.length - from));
            parser.endOfInput();
            return new StreamRun(events, null);
        } catch (StreamErrorException e) {
            return new StreamRun(events, e);
        }
    }

    /** Feeds one byte at a time. */
    static StreamRun byteByByte(byte[] input, XmppStreamParserFactory factory) {
        int[] ends = new int[input.length];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = i + 1;
        }
        return of(input, factory, ends);
    }

    StreamErrorCondition condition() {
        return error == null ? null : error.condition();
    }

    StreamHeader header() {
        return (StreamHeader) events.get(0);
    }

    List<XmlElement> elements() {
        return events.stream().filter(XmlElement.class::isInstance).map(XmlElement.class::cast).toList();
    }

    XmlElement element(int index) {
        return elements().get(index);
    }

    boolean closed() {
        return events.contains(CLOSED);
    }

    /** How parsers are made for a run; tests lower the reader lifetime to exercise reader replacement. */
    record XmppStreamParserFactory(ParserLimits limits, long readerLifetimeBytes) {
        XmppStreamParser create(StreamListener listener) {
            return new XmppStreamParser(limits, listener, readerLifetimeBytes);
        }
    }

    private record Recorder(List<Object> events) implements StreamListener {
        @Override
        public void streamOpened(StreamHeader header) {
            events.add(header);
        }

        @Override
        public void element(XmlElement element) {
            events.add(element);
        }

        @Override
        public void streamClosed() {
            events.add(CLOSED);
        }
    }
}
