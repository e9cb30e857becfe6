package dev.parley.xmpp.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "none, NORMAL",
        "normal, NORMAL",
        "chat, CHAT",
        "groupchat, GROUPCHAT",
        "headline, HEADLINE",
        "error, ERROR",
        "whisper, NORMAL",
        "CHAT, NORMAL",
    })
    void readsTheTypeAndTreatsUnknownValuesAsNormal(String attribute, Message.Type expected) throws StanzaException {
        Message message = (Message) Stanza.of(XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("type", attribute).build());

        assertThat(message.type()).isEqualTo(expected);
    }

    @Test
    void readsBodySubjectAndThreadOfTheContentNamespace() throws StanzaException {
        Message message = (Message) Stanza.of(XmlElement.builder("message", Namespaces.SERVER)
                .child(XmlElement.builder("body", "urn:example:other").text("not this").build())
                .textChild("subject", "Balcony")
                .textChild("body", "first")
                .textChild("body", "second")
                .textChild("thread", "t-1")
                .build());

        assertThat(message.body()).isEqualTo("first");
        assertThat(message.subject()).isEqualTo("Balcony");
        assertThat(message.thread()).isEqualTo("t-1");
    }

    @Test
    void absentChildrenAreNull() throws StanzaException {
        Message message = (Message) Stanza.of(XmlElement.empty("message", Namespaces.CLIENT));

        assertThat(message.body()).isNull();
        assertThat(message.subject()).isNull();
        assertThat(message.thread()).isNull();
    }

    @Test
    void exposesTheErrorOfAnErrorMessage() throws StanzaException {
        XmlElement original = XmlElement.builder("message", Namespaces.CLIENT)
                .attribute("from", "juliet@example.com/balcony").attribute("to", "romeo@example.net").build();
        XmlElement reply = Stanza.of(original).errorReply(
                StanzaError.of(StanzaErrorCondition.RECIPIENT_UNAVAILABLE, "away"));

        Message error = (Message) Stanza.of(reply);

        assertThat(error.type()).isEqualTo(Message.Type.ERROR);
        assertThat(error.error().condition()).isEqualTo(StanzaErrorCondition.RECIPIENT_UNAVAILABLE);
        assertThat(error.error().text()).isEqualTo("away");
    }
}
