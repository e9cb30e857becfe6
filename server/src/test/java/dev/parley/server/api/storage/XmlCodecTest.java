package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlCodecTest {
    @Test
    void elementsRoundTripWithNamespacesAttributesAndText() {
        XmlElement element = XmlElement.builder("vCard", "vcard-temp")
                .attribute("version", "3.0")
                .attribute("xml:lang", "en")
                .attribute("{urn:example:attr}flag", "a'b\"c<&>")
                .textChild("FN", "Ren\u00e9e \ud835\udd18 & <co>")
                .child(XmlElement.builder("N", "vcard-temp").textChild("GIVEN", "R").build())
                .child(XmlElement.builder("x", "urn:example:other").child(XmlElement.empty("plain", "")).build())
                .text("\n  tail\r\n")
                .build();

        byte[] stored = XmlCodec.encode(element);

        assertThat(new String(stored, StandardCharsets.UTF_8)).startsWith("<vCard xmlns='vcard-temp'");
        assertThat(XmlCodec.decode(stored)).isEqualTo(element);
    }

    @Test
    void anElementWithoutNamespaceKeepsNone() {
        XmlElement element = XmlElement.builder("bare", "").textChild("child", "text").build();

        assertThat(XmlCodec.decode(XmlCodec.encode(element))).isEqualTo(element);
    }

    @Test
    void damagedValuesFailWithStorageException() {
        String[] damaged = {"", "text", "<a xmlns='x'>", "<a xmlns='x'/><b xmlns='x'/>",
                "<a xmlns='x'/></stream:stream>", "<a xmlns='x'></b>", "<!-- c --><a xmlns='x'/>",
                "<a xmlns='x'/>trailing"};
        for (String value : damaged) {
            assertThatThrownBy(() -> XmlCodec.decode(value.getBytes(StandardCharsets.UTF_8)))
                    .as(value).isInstanceOf(StorageException.class);
        }
        assertThatThrownBy(() -> XmlCodec.decode(new byte[] {'<', 'a', (byte) 0xC3, '/', '>'}))
                .isInstanceOf(StorageException.class);
    }
}
