package dev.parley.xmpp.xml;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import java.nio.ByteBuffer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One stream's Aalto async reader, fed slices of the caller's buffers without copying, with offsets counted in bytes
 * of the peer's stream.
 *
 * <p>Aalto keeps every element and attribute name it has seen in a per-reader symbol table that never shrinks, so a
 * long-lived stream full of invented names would grow it without bound. {@link #restartInside} therefore swaps in a
 * fresh reader between two top-level elements, priming it with a synthetic root that re-declares the stream root's
 * namespaces; the peer's bytes are unaffected. Readers are never {@code close()}d: closing would merge their symbols
 * into the factory's shared table, which is exactly the growth to avoid. The factory is per stream for the same reason,
 * and so that no lock inside Aalto (its namespace URI cache is synchronised) is shared between event loops.
 */
final class AaltoInput {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final InputFactoryImpl factory;
    private AsyncXMLStreamReader<AsyncByteBufferFeeder> reader;
    /** Stream offset at which the current reader's real (non-synthetic) input starts. */
    private long base;
    /** Synthetic bytes fed to the current reader before the real input. */
    private int primed;
    /** Real bytes fed to the current reader. */
    private long fed;

    AaltoInput() {
        factory = new InputFactoryImpl();
        // Aalto never reads external entities or expands DTD-declared ones; these make that explicit. Entity
        // references then arrive as ENTITY_REFERENCE events, which the stream refuses as restricted XML.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        reader = factory.createAsyncForByteBuffer();
    }

    /** Hands Aalto a slice whose bytes it must consume (via {@link #next}) before the next call. */
    void feed(ByteBuffer slice) throws StreamErrorException {
        fed += slice.remaining();
        try {
            reader.getInputFeeder().feedInput(slice);
        } catch (XMLStreamException e) {
            throw AaltoErrors.classify(e);
        }
    }

    /** The next event, or {@link AsyncXMLStreamReader#EVENT_INCOMPLETE} once every fed byte is consumed. */
    int next() throws StreamErrorException {
        try {
            return reader.next();
        } catch (XMLStreamException e) {
            throw AaltoErrors.classify(e);
        }
    }

    /** Accessors for the current event. */
    XMLStreamReader event() {
        return reader;
    }

    /**
     * The current text event's characters, from {@code getTextStart()} for {@code getTextLength()}. Aalto parses text
     * lazily, here, so its errors surface here. (Its eager mode is broken in 1.4.0: a character reference that starts
     * a text event and ends a slice makes it fail an internal assertion.)
     */
    char[] textCharacters() throws StreamErrorException {
        try {
            return reader.getTextCharacters();
        } catch (UncheckedStreamException e) {
            if (e.getCause() instanceof XMLStreamException cause) {
                throw AaltoErrors.classify(cause);
            }
            throw e;
        }
    }

    /** Stream offset just past the current, complete event (for text: past the part read so far). */
    long offset() throws StreamErrorException {
        try {
            return base + reader.getLocationInfo().getEndingByteOffset() - primed;
        } catch (XMLStreamException e) { // finishing an incomplete text event failed
            throw AaltoErrors.classify(e);
        }
    }

    /** Stream offset up to which bytes have been fed. */
    long fedOffset() {
        return base + fed;
    }

    /** Real bytes the current reader has been fed. */
    long fedToCurrentReader() {
        return fed;
    }

    /** Drops Aalto's reference to the last slice, which belongs to the caller, once it is fully consumed. */
    void releaseSlice() throws StreamErrorException {
        if (reader.getInputFeeder().needMoreInput()) {
            feed(NOTHING);
        }
    }

    /**
     * Continues the stream on a fresh reader from {@code streamOffset}, a point between top-level elements. The
     * previous reader is abandoned with whatever of its last slice it had not parsed yet; the caller re-feeds that.
     *
     * @param rootDeclarations the stream root's start tag reduced to its namespace declarations, as UTF-8
     */
    void restartInside(byte[] rootDeclarations, long streamOffset) throws StreamErrorException {
        reader = factory.createAsyncForByteBuffer();
        base = streamOffset;
        fed = 0;
        primed = rootDeclarations.length;
        try {
            reader.getInputFeeder().feedInput(ByteBuffer.wrap(rootDeclarations));
            expect(XMLStreamConstants.START_DOCUMENT);
            expect(XMLStreamConstants.START_ELEMENT);
            expect(AsyncXMLStreamReader.EVENT_INCOMPLETE);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("synthetic stream root rejected", e);
        }
    }

    private void expect(int event) throws XMLStreamException {
        int actual = reader.next();
        if (actual != event) {
            throw new IllegalStateException("synthetic stream root gave event " + actual + ", expected " + event);
        }
    }

    /** Maps Aalto's exceptions, which are all {@code WFCException} told apart only by message, to stream errors. */
    static final class AaltoErrors {
        private AaltoErrors() {
        }

        static StreamErrorException classify(XMLStreamException e) {
            String message = firstLine(e.getMessage());
            if (message.startsWith("Unbound namespace prefix")) {
                // RFC 6120 §4.9.3.2
                return new StreamErrorException(StreamErrorCondition.BAD_NAMESPACE_PREFIX, message);
            }
            if (message.startsWith("Unexpanded ENTITY_REFERENCE")) { // in an attribute value
                return StreamEvents.restricted(StreamEvents.ENTITY_REFERENCES);
            }
            if (message.startsWith("Unsupported encoding")) {
                return StreamEvents.unsupportedEncoding();
            }
            return new StreamErrorException(StreamErrorCondition.NOT_WELL_FORMED, message); // §4.9.3.13
        }

        /** Aalto appends the location on a second line; the peer gets the first. */
        private static String firstLine(String message) {
            if (message == null) {
                return "unparseable XML";
            }
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }
}
