package dev.parley.xmpp.xml;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serialises {@link XmlElement} trees. Namespaces are written as default-namespace declarations wherever an element's
 * namespace differs from its parent's, so the output never depends on prefixes chosen by the sender; attributes in a
 * foreign namespace get a generated prefix.
 */
public final class XmlWriter {
    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private XmlWriter() {
    }

    /** The element as a standalone document fragment (its namespace declared). */
    public static String toXml(XmlElement element) {
        StringBuilder sb = new StringBuilder(128);
        write(element, "", sb);
        return sb.toString();
    }

    /** The element as it appears inside a parent whose default namespace is {@code inheritedNamespace}. */
    public static String toXml(XmlElement element, String inheritedNamespace) {
        StringBuilder sb = new StringBuilder(128);
        write(element, inheritedNamespace, sb);
        return sb.toString();
    }

    public static byte[] toBytes(XmlElement element, String inheritedNamespace) {
        return toXml(element, inheritedNamespace).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the element as UTF-8, byte for byte what {@link #toBytes} gives: its start and end tags and its text are
     * encoded here, and each child element's bytes come from the child's memo ({@code XmlElement.utf8}). Copies of a
     * stanza that share their children (one per recipient, differing in their 'to') thus encode the payload once.
     */
    public static void writeUtf8(XmlElement element, String inheritedNamespace, Utf8Sink out) {
        StringBuilder tags = new StringBuilder(128);
        startTag(element, inheritedNamespace, tags);
        if (element.children().isEmpty()) {
            out.writeUtf8(tags.append("/>"));
            return;
        }
        tags.append('>');
        for (XmlNode child : element.children()) {
            switch (child) {
                case XmlElement e -> {
                    if (!tags.isEmpty()) {
                        out.writeUtf8(tags);
                        tags.setLength(0);
                    }
                    byte[] utf8 = e.utf8(element.namespace());
                    out.write(utf8, 0, utf8.length);
                }
                case XmlText t -> escape(t.text(), false, tags);
            }
        }
        out.writeUtf8(tags.append("</").append(element.name()).append('>'));
    }

    public static void write(XmlElement element, String inheritedNamespace, StringBuilder out) {
        startTag(element, inheritedNamespace, out);
        if (element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (XmlNode child : element.children()) {
            switch (child) {
                case XmlElement e -> write(e, element.namespace(), out);
                case XmlText t -> escape(t.text(), false, out);
            }
        }
        out.append("</").append(element.name()).append('>');
    }

    /** The start tag without its closing {@code >} or {@code />}. */
    private static void startTag(XmlElement element, String inheritedNamespace, StringBuilder out) {
        out.append('<').append(element.name());
        if (!element.namespace().equals(inheritedNamespace)) {
            out.append(" xmlns='");
            escape(element.namespace(), true, out);
            out.append('\'');
        }
        int generatedPrefix = 0;
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            String key = attribute.getKey();
            out.append(' ');
            if (key.startsWith("{")) {
                int close = key.lastIndexOf('}'); // the URI may contain '}', the local name may not
                String uri = key.substring(1, close);
                String local = key.substring(close + 1);
                if (uri.equals(XML_NAMESPACE)) {
                    out.append("xml:").append(local);
                } else {
                    String prefix = "ns" + generatedPrefix++;
                    out.append("xmlns:").append(prefix).append("='");
                    escape(uri, true, out);
                    out.append("' ").append(prefix).append(':').append(local);
                }
            } else {
                out.append(key);
            }
            out.append("='");
            escape(attribute.getValue(), true, out);
            out.append('\'');
        }
    }

    /** Escapes character data or an attribute value (single-quoted) per XML 1.0 §2.4 and §3.3.3. */
    public static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#xD;");
                case '\n' -> out.append(attribute ? "&#xA;" : "\n");
                case '\t' -> out.append(attribute ? "&#x9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}
