package dev.parley.xmpp.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlText;
import dev.parley.xmpp.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StanzaTest {
    private static final XmlElement CHAT = XmlElement.builder("message", Namespaces.CLIENT)
            .attribute("to", "Romeo@Example.net")
            .attribute("from", "juliet@example.com/balcony")
            .attribute("id", "m1")
            .attribute("type", "chat")
            .textChild("body", "Wherefore art thou?")
            .build();

    @Test
    void typesEachStanzaKindAndParsesAddresses() throws StanzaException {
        Stanza stanza = Stanza.of(CHAT);

        assertThat(stanza).isInstanceOf(Message.class);
        assertThat(stanza.to()).isEqualTo(Jid.parse("romeo@example.net"));
        assertThat(stanza.from()).isEqualTo(Jid.parse("juliet@example.com/balcony"));
        assertThat(stanza.id()).isEqualTo("m1");
        assertThat(stanza.typeAttribute()).isEqualTo("chat");
        assertThat(stanza.element()).isSameAs(CHAT);
        assertThat(stanza.isError()).isFalse();
        assertThat(stanza.error()).isNull();
        assertThat(Stanza.of(XmlElement.empty("presence", Namespaces.SERVER))).isInstanceOf(Presence.class);
        assertThat(Stanza.of(iq("get", "q1"))).isInstanceOf(Iq.class);
    }

    @Test
    void leavesAbsentAddressesNull() throws StanzaException {
        Stanza stanza = Stanza.of(XmlElement.empty("presence", Namespaces.CLIENT));

        assertThat(stanza.to()).isNull();
        assertThat(stanza.from()).isNull();
        assertThat(stanza.id()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"to", "from"})
    void rejectsMalformedAddressesWithJidMalformed(String attribute) {
        XmlElement bad = CHAT.withAttribute(attribute, "juliet@@example.com");

        assertThatThrownBy(() -> Stanza.of(bad))
                .isInstanceOfSatisfying(StanzaException.class, e -> {
                    assertThat(e.error().condition()).isEqualTo(StanzaErrorCondition.JID_MALFORMED);
                    assertThat(e.error().type()).isEqualTo(StanzaError.Type.MODIFY);
                    assertThat(e.error().text()).contains("'" + attribute + "'");
                });
    }

    @Test
    void recognisesOnlyTheThreeStanzasOfTheTwoContentNamespaces() {
        assertThat(Stanza.isStanza(CHAT)).isTrue();
        assertThat(Stanza.isStanza(XmlElement.empty("iq", Namespaces.SERVER))).isTrue();
        assertThat(Stanza.isStanza(XmlElement.empty("message", "jabber:component:accept"))).isFalse();
        assertThat(Stanza.isStanza(XmlElement.empty("r", "urn:xmpp:sm:3"))).isFalse();
        assertThat(Stanza.isStanza(XmlElement.empty("error", Namespaces.CLIENT))).isFalse();
        assertThatThrownBy(() -> Stanza.of(XmlElement.empty("starttls", Namespaces.TLS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorReplySwapsAddressesKeepsIdAndPayloadAndAppendsTheError() throws StanzaException {
        XmlElement reply = Stanza.of(CHAT).errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE));

        assertThat(XmlWriter.toXml(reply, Namespaces.CLIENT)).isEqualTo(
                "<message to='juliet@example.com/balcony' from='romeo@example.net' id='m1' type='error'>"
                        + "<body>Wherefore art thou?</body>"
                        + "<error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
    }

    @Test
    void errorReplyLeavesOutAddressesTheOriginalLacked() throws StanzaException {
        XmlElement presence = XmlElement.builder("presence", Namespaces.CLIENT)
                .attribute("type", "subscribe").attribute("to", "romeo@example.net").build();

        XmlElement reply = Stanza.of(presence).errorReply(StanzaError.of(StanzaErrorCondition.NOT_ALLOWED, "no"));

        assertThat(reply.attribute("to")).isNull();
        assertThat(reply.attribute("from")).isEqualTo("romeo@example.net");
        assertThat(reply.attribute("id")).isNull();
        assertThat(reply.attribute("type")).isEqualTo("error");
    }

    @Test
    void errorReplyIsInTheServerNamespaceForServerStanzasAndDropsStrayTextAndErrors() throws StanzaException {
        XmlElement original = XmlElement.builder("message", Namespaces.SERVER)
                .attribute("to", "romeo@example.net").attribute("from", "juliet@example.com")
                .text("\n  ")
                .child(XmlElement.empty("error", Namespaces.SERVER))
                .textChild("body", "hi")
                .build();

        XmlElement reply = Stanza.of(original).errorReply(StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND));

        assertThat(reply.namespace()).isEqualTo(Namespaces.SERVER);
        assertThat(reply.children()).noneMatch(XmlText.class::isInstance);
        assertThat(reply.elements("error", Namespaces.SERVER)).hasSize(1);
        assertThat(Stanza.of(reply).error().condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(reply.childText("body", Namespaces.SERVER)).contains("hi");
    }

    @Test
    void refusesToAnswerAnErrorWithAnError() throws StanzaException {
        Stanza error = Stanza.of(CHAT.withAttribute("type", "error"));

        assertThat(error.isError()).isTrue();
        assertThatThrownBy(() -> error.errorReply(StanzaError.of(StanzaErrorCondition.BAD_REQUEST)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Stanza.errorReplyFor(error.element(), StanzaError.of(StanzaErrorCondition.BAD_REQUEST)))
                .isEmpty();
    }

    @Test
    void errorReplyForAnUnparsableStanzaOmitsTheMalformedAddress() {
        XmlElement bad = CHAT.withAttribute("to", "juliet@@example.com");
        StanzaException thrown = assertThrows(StanzaException.class, () -> Stanza.of(bad));

        XmlElement reply = Stanza.errorReplyFor(bad, thrown.error()).orElseThrow();

        assertThat(reply.attribute("to")).isEqualTo("juliet@example.com/balcony");
        assertThat(reply.attribute("from")).isNull();
        assertThat(reply.attribute("id")).isEqualTo("m1");
        assertThat(StanzaError.fromElement(reply.child("error", Namespaces.CLIENT).orElseThrow()).condition())
                .isEqualTo(StanzaErrorCondition.JID_MALFORMED);
        assertThatThrownBy(() -> Stanza.errorReplyFor(XmlElement.empty("a", "b"), thrown.error()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withFromAndWithToShareChildrenAndKeepTheKind() throws StanzaException {
        Message message = (Message) Stanza.of(CHAT);
        Jid other = Jid.parse("nurse@example.com/kitchen");

        Message stamped = message.withFrom(other);
        Message redirected = message.withTo(null);

        assertThat(stamped.from()).isSameAs(other);
        assertThat(stamped.to()).isSameAs(message.to());
        assertThat(stamped.element().attribute("from")).isEqualTo("nurse@example.com/kitchen");
        assertThat(stamped.element().children()).isSameAs(CHAT.children());
        assertThat(stamped.type()).isEqualTo(Message.Type.CHAT);
        assertThat(redirected.to()).isNull();
        assertThat(redirected.element().attribute("to")).isNull();
        assertThat(message.element()).isSameAs(CHAT);
    }

    @Test
    void withElementRetypesAndReusesUnchangedAddresses() throws StanzaException {
        Stanza message = Stanza.of(CHAT);
        XmlElement withStanzaId = CHAT.withChild(XmlElement.builder("stanza-id", Namespaces.STANZA_ID)
                .attribute("id", "x").attribute("by", "romeo@example.net").build());

        Stanza same = message.withElement(withStanzaId);
        Stanza iq = message.withElement(iq("set", "i1").withAttribute("from", "juliet@example.com/balcony"));

        assertThat(same).isInstanceOf(Message.class);
        assertThat(same.to()).isSameAs(message.to());
        assertThat(same.from()).isSameAs(message.from());
        assertThat(iq).isInstanceOf(Iq.class);
        assertThat(iq.from()).isSameAs(message.from());
        assertThat(iq.to()).isNull();
        assertThatThrownBy(() -> message.withElement(iq("get", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(StanzaException.class);
    }

    @Test
    void withElementAddressedToAKnownJidSetsTheAttributeAndKeepsTheJid() throws StanzaException {
        Stanza message = Stanza.of(CHAT);
        Jid nurse = Jid.parse("nurse@example.com/chamber");
        XmlElement unaddressed = CHAT.withAttribute("to", null).withAttribute("id", "m2");

        Stanza copy = message.withElement(unaddressed, nurse);

        assertThat(copy).isInstanceOf(Message.class);
        assertThat(copy.to()).isSameAs(nurse);
        assertThat(copy.element().attribute("to")).isEqualTo("nurse@example.com/chamber");
        assertThat(copy.element().withAttribute("to", null)).isEqualTo(unaddressed);
        assertThat(copy.from()).isSameAs(message.from());
        assertThat(copy.id()).isEqualTo("m2");
        // What the element said before is replaced, not kept: the view and its element agree.
        assertThat(message.withElement(CHAT, nurse).element().attribute("to")).isEqualTo(nurse.toString());
        assertThat(message.withElement(CHAT, nurse)).isEqualTo(Stanza.of(CHAT.withAttribute("to", nurse.toString())));
    }

    @Test
    void withElementAddressedToAKnownJidStillTypesAndChecksTheRest() throws StanzaException {
        Stanza message = Stanza.of(CHAT);
        Jid romeo = Jid.parse("romeo@example.net/orchard");

        Stanza iq = message.withElement(iq("set", "i1").withAttribute("from", "nurse@example.com"), romeo);
        Stanza presence = message.withElement(XmlElement.empty("presence", Namespaces.CLIENT), romeo);

        assertThat(iq).isInstanceOf(Iq.class);
        assertThat(iq.to()).isSameAs(romeo);
        assertThat(iq.from()).isEqualTo(Jid.parse("nurse@example.com"));
        assertThat(presence).isInstanceOf(Presence.class);
        assertThat(presence.from()).isNull();
        assertThatThrownBy(() -> message.withElement(iq("get", null), romeo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(StanzaException.class);
        assertThatThrownBy(() -> message.withElement(CHAT.withAttribute("from", "@example.com"), romeo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(StanzaException.class);
        assertThatThrownBy(() -> message.withElement(XmlElement.empty("body", Namespaces.CLIENT), romeo))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.withElement(CHAT, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNamesKindAndAddressesButNotContent() throws StanzaException {
        assertThat(Stanza.of(CHAT).toString())
                .contains("message", "chat", "m1", "romeo@example.net", "juliet@example.com/balcony")
                .doesNotContain("Wherefore");
    }

    @Test
    void equalityFollowsTheElement() throws StanzaException {
        assertThat(Stanza.of(CHAT)).isEqualTo(Stanza.of(CHAT)).hasSameHashCodeAs(Stanza.of(CHAT));
        assertThat(Stanza.of(CHAT)).isNotEqualTo(Stanza.of(CHAT.withAttribute("id", "m2")));
    }

    static XmlElement iq(String type, String id) {
        return XmlElement.builder("iq", Namespaces.CLIENT)
                .attribute("type", type)
                .attribute("id", id)
                .child(XmlElement.empty("ping", Namespaces.PING))
                .build();
    }
}
