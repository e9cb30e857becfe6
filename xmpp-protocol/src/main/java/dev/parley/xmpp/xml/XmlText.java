package dev.parley.xmpp.xml;

import java.util.Objects;

/** Character data, held unescaped; {@link XmlWriter} escapes it on output. */
public record XmlText(String text) implements XmlNode {
    public XmlText {
        Objects.requireNonNull(text, "text");
    }
}
