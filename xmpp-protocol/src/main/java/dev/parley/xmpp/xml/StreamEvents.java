package dev.parley.xmpp.xml;

import static dev.parley.xmpp.error.StreamErrorCondition.BAD_FORMAT;
import static dev.parley.xmpp.error.StreamErrorCondition.INVALID_NAMESPACE;
import static dev.parley.xmpp.error.StreamErrorCondition.NOT_WELL_FORMED;
import static dev.parley.xmpp.error.StreamErrorCondition.POLICY_VIOLATION;
import static dev.parley.xmpp.error.StreamErrorCondition.RESTRICTED_XML;
import static dev.parley.xmpp.error.StreamErrorCondition.UNSUPPORTED_ENCODING;

import com.fasterxml.aalto.AsyncXMLStreamReader;
import dev.parley.xmpp.error.StreamErrorException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns parser events into {@link StreamListener} calls: checks the stream root (RFC 6120 §4.8.1, §11.2.1), refuses
 * restricted XML (§11.1), assembles each top-level element, enforces the depth and attribute limits, and tracks where
 * the pending top-level element began so that its size can be limited while it arrives.
 */
final class StreamEvents {
    enum Outcome { NEEDS_INPUT, TOP_LEVEL_ELEMENT_ENDED, STREAM_CLOSED }

    static final String ENTITY_REFERENCES = "entity references other than the predefined ones";
    private static final String XML_LANG = "xml:lang";

    private final ParserLimits limits;
    private final StreamListener listener;
    private final ElementAssembler assembler = new ElementAssembler();
    private boolean opened;
    private boolean closed;
    /** Stream offset where the pending top-level element (or whatever else is not yet an event) begins. */
    private long topLevelStart;
    private byte[] rootDeclarations;

    StreamEvents(ParserLimits limits, StreamListener listener) {
        this.limits = limits;
        this.listener = listener;
    }

    boolean inHeader() {
        return !opened;
    }

    boolean closed() {
        return closed;
    }

    boolean insideElement() {
        return assembler.depth() > 0;
    }

    long topLevelStart() {
        return topLevelStart;
    }

    /** The stream root's namespace declarations on a synthetic start tag, for {@link AaltoInput#restartInside}. */
    byte[] rootDeclarations() {
        return rootDeclarations;
    }

    /**
     * Handles events until the input is used up, the stream is closed or, when asked, a top-level element ends (the
     * input's offset is then just past it).
     */
    Outcome drain(AaltoInput input, boolean stopAfterTopLevelElement) throws StreamErrorException {
        XMLStreamReader event = input.event();
        while (true) {
            switch (input.next()) {
                case AsyncXMLStreamReader.EVENT_INCOMPLETE -> {
                    return Outcome.NEEDS_INPUT;
                }
                case XMLStreamConstants.START_DOCUMENT -> checkDeclaration(event);
                case XMLStreamConstants.START_ELEMENT -> {
                    if (opened) {
                        startElement(event);
                    } else {
                        openStream(input);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (assembler.depth() == 0) {
                        closed = true;
                        listener.streamClosed();
                        return Outcome.STREAM_CLOSED;
                    }
                    if (endElement(input) && stopAfterTopLevelElement) {
                        return Outcome.TOP_LEVEL_ELEMENT_ENDED;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(input);
                case XMLStreamConstants.COMMENT -> throw restricted("comments");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> throw restricted("processing instructions");
                case XMLStreamConstants.DTD -> throw restricted("document type declarations");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw restricted(ENTITY_REFERENCES);
                default -> throw new IllegalStateException("unexpected XML event " + event.getEventType());
            }
        }
    }

    static StreamErrorException restricted(String what) {
        return new StreamErrorException(RESTRICTED_XML, what + " are not allowed in XMPP (RFC 6120 §11.1)");
    }

    static StreamErrorException headerTooLarge(ParserLimits limits) {
        return new StreamErrorException(POLICY_VIOLATION,
                "stream header larger than " + limits.maxHeaderBytes() + " bytes");
    }

    static StreamErrorException tooLarge(ParserLimits limits) {
        return new StreamErrorException(POLICY_VIOLATION,
                "top-level element larger than " + limits.maxStanzaBytes() + " bytes");
    }

    static StreamErrorException unsupportedEncoding() {
        return new StreamErrorException(UNSUPPORTED_ENCODING, "XMPP streams must be encoded in UTF-8 (RFC 6120 §11.6)");
    }

    /** RFC 6120 §11.6: UTF-8 only; §11.8: XMPP is XML 1.0, whose character rules the parser applies. */
    private static void checkDeclaration(XMLStreamReader event) throws StreamErrorException {
        String encoding = event.getCharacterEncodingScheme();
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            throw unsupportedEncoding();
        }
        String version = event.getVersion();
        if (version != null && !version.equals("1.0")) {
            throw new StreamErrorException(BAD_FORMAT, "XMPP streams are XML 1.0");
        }
    }

    private void openStream(AaltoInput input) throws StreamErrorException {
        XMLStreamReader root = input.event();
        long end = input.offset();
        if (end > limits.maxHeaderBytes()) {
            throw headerTooLarge(limits);
        }
        checkDeclarations(root);
        // §4.8.1: a root outside the stream namespace is invalid-namespace; a root named other than <stream/> is XML
        // the receiver cannot process (§4.9.3.1, bad-format), as no more specific condition fits.
        if (!StreamHeader.STREAM_NAMESPACE.equals(namespaceOf(root))) {
            throw new StreamErrorException(INVALID_NAMESPACE,
                    "the stream root must be qualified by " + StreamHeader.STREAM_NAMESPACE);
        }
        if (!"stream".equals(root.getLocalName())) {
            throw new StreamErrorException(BAD_FORMAT, "the stream root must be <stream/>");
        }
        checkAttributeCount(root);
        String contentNamespace = "";
        // The replacement reader's root must carry the same name, or </stream:stream> would not match it.
        String prefix = root.getPrefix();
        StringBuilder declarations = new StringBuilder(128).append('<');
        if (prefix != null && !prefix.isEmpty()) {
            declarations.append(prefix).append(':');
        }
        declarations.append(root.getLocalName());
        for (int i = 0; i < root.getNamespaceCount(); i++) {
            String declared = root.getNamespacePrefix(i);
            String uri = nullToEmpty(root.getNamespaceURI(i));
            if (declared == null || declared.isEmpty()) {
                contentNamespace = uri;
                declarations.append(" xmlns='");
            } else {
                declarations.append(" xmlns:").append(declared).append("='");
            }
            XmlWriter.escape(uri, true, declarations);
            declarations.append('\'');
        }
        rootDeclarations = declarations.append('>').toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> attributes = attributes(root);
        opened = true;
        topLevelStart = end;
        listener.streamOpened(new StreamHeader(contentNamespace, attributes.get("to"), attributes.get("from"),
                attributes.get("id"), attributes.get("version"), attributes.get(XML_LANG)));
    }

    private void startElement(XMLStreamReader element) throws StreamErrorException {
        if (assembler.depth() >= limits.maxDepth()) {
            throw new StreamErrorException(POLICY_VIOLATION,
                    "elements nested more than " + limits.maxDepth() + " deep");
        }
        checkDeclarations(element);
        checkAttributeCount(element);
        assembler.start(element.getLocalName(), namespaceOf(element), attributes(element));
    }

    /** Returns true when the element was top-level (and has been handed to the listener). */
    private boolean endElement(AaltoInput input) throws StreamErrorException {
        XmlElement element = assembler.end();
        if (element == null) {
            return false;
        }
        long end = input.offset();
        // The element may have ended on the one byte past the limit that the parser is allowed to see.
        if (end - topLevelStart > limits.maxStanzaBytes()) {
            throw tooLarge(limits);
        }
        topLevelStart = end;
        listener.element(element);
        return true;
    }

    private void text(AaltoInput input) throws StreamErrorException {
        char[] chars = input.textCharacters();
        XMLStreamReader event = input.event();
        int start = event.getTextStart();
        int length = event.getTextLength();
        if (assembler.depth() > 0) {
            assembler.text(chars, start, length);
            return;
        }
        // Between top-level elements only whitespace may appear (RFC 6120 §11.7, e.g. keepalives); it is dropped.
        for (int i = start; i < start + length; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                throw new StreamErrorException(BAD_FORMAT, "character data outside any stanza");
            }
        }
        topLevelStart = input.offset();
    }

    private void checkAttributeCount(XMLStreamReader element) throws StreamErrorException {
        if (element.getAttributeCount() > limits.maxAttributes()) {
            throw new StreamErrorException(POLICY_VIOLATION,
                    "more than " + limits.maxAttributes() + " attributes on one element");
        }
    }

    /** Namespaces in XML 1.0 §3 ("no prefix undeclaring"), which Aalto does not check. */
    private static void checkDeclarations(XMLStreamReader element) throws StreamErrorException {
        for (int i = 0; i < element.getNamespaceCount(); i++) {
            String prefix = element.getNamespacePrefix(i);
            if (prefix != null && !prefix.isEmpty() && nullToEmpty(element.getNamespaceURI(i)).isEmpty()) {
                throw new StreamErrorException(NOT_WELL_FORMED, "a namespace prefix cannot be bound to an empty name");
            }
        }
    }

    /** Keys as {@link XmlElement} documents them: local name, {@code xml:} prefix, or Clark notation. */
    private static Map<String, String> attributes(XMLStreamReader element) {
        int count = element.getAttributeCount();
        if (count == 0) {
            return Map.of();
        }
        Map<String, String> attributes = LinkedHashMap.newLinkedHashMap(count);
        for (int i = 0; i < count; i++) {
            String uri = element.getAttributeNamespace(i);
            String local = element.getAttributeLocalName(i);
            String key;
            if (uri == null || uri.isEmpty()) {
                key = local;
            } else if (uri.equals(XMLConstants.XML_NS_URI)) {
                key = local.equals("lang") ? XML_LANG : "xml:" + local;
            } else {
                key = "{" + uri + "}" + local;
            }
            attributes.put(key, element.getAttributeValue(i));
        }
        return attributes;
    }

    private static String namespaceOf(XMLStreamReader element) {
        return nullToEmpty(element.getNamespaceURI());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
