package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlCodecTest {
    @Test
    void anElementRoundTripsWithNamespacesTextAndForeignAttributes() {
        XmlElement element = XmlElement.builder("message", "jabber:client").attribute("to", "bob@example.com")
                .attribute("xml:lang", "fr")
                .child(XmlElement.builder("body", "jabber:client").text("a < b & \u2603 \uD83D\uDE00").build())
                .child(XmlElement.builder("x", "urn:example").attribute("{urn:other}flag", "1").build())
                .build();

        assertThat(XmlCodec.decode(XmlCodec.encode(element))).isEqualTo(element);
    }

    @Test
    void corruptDataIsAStorageException() {
        assertThatThrownBy(() -> XmlCodec.decode("<message><body>cut".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> XmlCodec.decode("<a/><b/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> XmlCodec.decode("<!DOCTYPE x><a/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> XmlCodec.decode(new byte[] {(byte) 0xC3, '<'}))
                .isInstanceOf(StorageException.class);
    }
}
