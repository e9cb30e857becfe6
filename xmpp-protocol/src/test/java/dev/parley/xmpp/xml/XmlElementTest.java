package dev.parley.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlElementTest {
    private static final String CLIENT = "jabber:client";
    private static final String RECEIPTS = "urn:xmpp:receipts";

    private final XmlElement message = XmlElement.builder("message", CLIENT)
            .attribute("to", "romeo@example.net").attribute("type", null)
            .textChild("body", "hello").text("").text(null)
            .child(XmlElement.empty("request", RECEIPTS))
            .build();

    @Test
    void builderLeavesOutNullAttributesAndEmptyText() {
        assertThat(message.attributes()).containsOnlyKeys("to");
        assertThat(message.children()).hasSize(2);
        assertThat(message.childText("body", CLIENT)).contains("hello");
        assertThat(message.child("request", RECEIPTS)).isPresent();
        assertThat(message.child("request", CLIENT)).isEmpty();
        assertThat(message.firstChild(RECEIPTS).orElseThrow().name()).isEqualTo("request");
        assertThat(message.is("message", CLIENT)).isTrue();
    }

    @Test
    void changesReturnNewElementsThatShareUnchangedChildren() {
        XmlElement stamped = message.withAttribute("from", "juliet@example.com/balcony");
        XmlElement withoutTo = message.withAttribute("to", null);
        XmlElement withExtra = message.withChild(XmlElement.empty("active", "http://jabber.org/protocol/chatstates"));

        assertThat(message.attribute("from")).isNull();
        assertThat(stamped.attribute("from")).isEqualTo("juliet@example.com/balcony");
        assertThat(stamped.children()).isSameAs(message.children());
        assertThat(withoutTo.attributes()).isEmpty();
        assertThat(withExtra.children()).hasSize(3);
        assertThat(withExtra.children().get(0)).isSameAs(message.children().get(0));
        assertThat(message.children()).hasSize(2);
    }

    @Test
    void withoutChildrenReturnsTheSameElementWhenNothingMatches() {
        assertThat(message.withoutChildren(XmlText.class::isInstance)).isSameAs(message);
        assertThat(message.withoutChildren(node -> node instanceof XmlElement e && e.namespace().equals(RECEIPTS))
                .children()).hasSize(1);
    }

    @Test
    void textJoinsDirectTextChildrenOnly() {
        XmlElement mixed = XmlElement.builder("body", CLIENT).text("a").child(XmlElement.builder("b", CLIENT)
                .text("ignored").build()).text("c").build();

        assertThat(mixed.text()).isEqualTo("ac");
        assertThat(XmlElement.empty("body", CLIENT).text()).isEmpty();
    }

    @Test
    void equalityCoversNameNamespaceAttributesAndChildren() {
        XmlElement same = XmlElement.builder("message", CLIENT).attribute("to", "romeo@example.net")
                .textChild("body", "hello").child(XmlElement.empty("request", RECEIPTS)).build();

        assertThat(same).isEqualTo(message).hasSameHashCodeAs(message);
        assertThat(same.withAttribute("to", "x")).isNotEqualTo(message);
        assertThat(XmlElement.empty("message", "jabber:server")).isNotEqualTo(XmlElement.empty("message", CLIENT));
        assertThat(message.withChildren(List.of())).isNotEqualTo(message);
    }

    @Test
    void collectionsAreUnmodifiable() {
        assertThatThrownBy(() -> message.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> message.children().add(new XmlText("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesMustNotBeEmpty() {
        assertThatThrownBy(() -> XmlElement.builder("", CLIENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlElement.empty("x", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void parsedElementsAreImmutableToo() {
        XmlElement parsed = StreamRun.ofContent("<message a='1'><body>x</body><b/></message>").element(0);

        assertThatThrownBy(() -> parsed.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parsed.children().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
