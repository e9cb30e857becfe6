package dev.parley.xmpp.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PresenceTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "none, AVAILABLE",
        "unavailable, UNAVAILABLE",
        "subscribe, SUBSCRIBE",
        "subscribed, SUBSCRIBED",
        "unsubscribe, UNSUBSCRIBE",
        "unsubscribed, UNSUBSCRIBED",
        "probe, PROBE",
        "error, ERROR",
    })
    void readsTheType(String attribute, Presence.Type expected) throws StanzaException {
        assertThat(presence(XmlElement.builder("presence", Namespaces.CLIENT).attribute("type", attribute)).type())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"available", "invisible", "Subscribe", ""})
    void rejectsUnknownTypesWithBadRequest(String type) {
        assertBadRequest(XmlElement.builder("presence", Namespaces.CLIENT).attribute("type", type).build());
    }

    @Test
    void readsShowStatusAndPriority() throws StanzaException {
        Presence presence = presence(XmlElement.builder("presence", Namespaces.CLIENT)
                .textChild("show", "dnd")
                .textChild("status", "In a meeting")
                .textChild("status", "Besprechung")
                .textChild("priority", " -5 "));

        assertThat(presence.show()).isEqualTo("dnd");
        assertThat(presence.status()).isEqualTo("In a meeting");
        assertThat(presence.priority()).isEqualTo(-5);
    }

    @Test
    void defaultsToPriorityZeroAndNoShow() throws StanzaException {
        Presence presence = presence(XmlElement.builder("presence", Namespaces.CLIENT));

        assertThat(presence.priority()).isZero();
        assertThat(presence.show()).isNull();
        assertThat(presence.status()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-128", "127", "+3", "0"})
    void acceptsPrioritiesInRange(String priority) throws StanzaException {
        assertThat(presence(XmlElement.builder("presence", Namespaces.CLIENT).textChild("priority", priority))
                .priority()).isEqualTo(Integer.parseInt(priority));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-129", "128", "high", "", "1.5", "99999999999"})
    void rejectsBadPrioritiesWithBadRequest(String priority) {
        assertBadRequest(XmlElement.builder("presence", Namespaces.CLIENT).textChild("priority", priority).build());
    }

    @Test
    void rejectsDuplicateOrUnknownShowAndDuplicatePriority() {
        assertBadRequest(XmlElement.builder("presence", Namespaces.CLIENT).textChild("show", "online").build());
        assertBadRequest(XmlElement.builder("presence", Namespaces.CLIENT)
                .textChild("show", "away").textChild("show", "xa").build());
        assertBadRequest(XmlElement.builder("presence", Namespaces.CLIENT)
                .textChild("priority", "1").textChild("priority", "2").build());
    }

    @Test
    void doesNotCheckTheContentOfErrorPresences() throws StanzaException {
        Presence presence = presence(XmlElement.builder("presence", Namespaces.CLIENT)
                .attribute("type", "error").textChild("priority", "9000"));

        assertThat(presence.type()).isEqualTo(Presence.Type.ERROR);
        assertThat(presence.priority()).isZero();
    }

    @Test
    void keepsParsedFieldsWhenReaddressed() throws StanzaException {
        Presence presence = presence(XmlElement.builder("presence", Namespaces.CLIENT)
                .textChild("show", "away").textChild("priority", "7"));

        Presence stamped = presence.withFrom(Jid.parse("juliet@example.com/balcony")).withTo(Jid.parse("example.com"));

        assertThat(stamped.show()).isEqualTo("away");
        assertThat(stamped.priority()).isEqualTo(7);
        assertThat(stamped.element().attribute("to")).isEqualTo("example.com");
    }

    @Test
    void typeValuesAreTheWireNames() {
        assertThat(Presence.Type.AVAILABLE.value()).isNull();
        assertThat(Presence.Type.UNSUBSCRIBED.value()).isEqualTo("unsubscribed");
    }

    private static Presence presence(XmlElement.Builder builder) throws StanzaException {
        return (Presence) Stanza.of(builder.build());
    }

    private static void assertBadRequest(XmlElement element) {
        assertThatThrownBy(() -> Stanza.of(element)).isInstanceOfSatisfying(StanzaException.class,
                e -> assertThat(e.error().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST));
    }
}
