package dev.parley.xmpp.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError.Type;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StanzaErrorTest {

    /** RFC 6120 §8.3.3.1 to §8.3.3.22, in order, with the type each section associates. */
    @ParameterizedTest
    @CsvSource({
        "bad-request, MODIFY",
        "conflict, CANCEL",
        "feature-not-implemented, CANCEL",
        "forbidden, AUTH",
        "gone, CANCEL",
        "internal-server-error, CANCEL",
        "item-not-found, CANCEL",
        "jid-malformed, MODIFY",
        "not-acceptable, MODIFY",
        "not-allowed, CANCEL",
        "not-authorized, AUTH",
        "policy-violation, MODIFY",
        "recipient-unavailable, WAIT",
        "redirect, MODIFY",
        "registration-required, AUTH",
        "remote-server-not-found, CANCEL",
        "remote-server-timeout, WAIT",
        "resource-constraint, WAIT",
        "service-unavailable, CANCEL",
        "subscription-required, AUTH",
        "undefined-condition, MODIFY",
        "unexpected-request, WAIT",
    })
    void definesTheConditionsOfRfc6120(String elementName, Type defaultType) {
        StanzaErrorCondition condition = StanzaErrorCondition.fromElementName(elementName);

        assertThat(condition.elementName()).isEqualTo(elementName);
        assertThat(condition.defaultType()).isEqualTo(defaultType);
    }

    @Test
    void hasExactlyTheTwentyTwoConditions() {
        assertThat(StanzaErrorCondition.values()).hasSize(22);
        assertThat(Arrays.stream(StanzaErrorCondition.values()).map(StanzaErrorCondition::elementName).distinct())
                .hasSize(22);
    }

    @Test
    void mapsUnknownConditionNamesToUndefinedCondition() {
        assertThat(StanzaErrorCondition.fromElementName("payment-required"))
                .isEqualTo(StanzaErrorCondition.UNDEFINED_CONDITION);
    }

    @Test
    void factoriesUseTheDefaultType() {
        assertThat(StanzaError.of(StanzaErrorCondition.FORBIDDEN))
                .isEqualTo(new StanzaError(Type.AUTH, StanzaErrorCondition.FORBIDDEN, null, null));
        assertThat(StanzaError.of(StanzaErrorCondition.CONFLICT, "taken"))
                .isEqualTo(new StanzaError(Type.CANCEL, StanzaErrorCondition.CONFLICT, "taken"));
    }

    @Test
    void serialisesInTheContentNamespaceWithConditionThenText() {
        XmlElement error = StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE, "no such <service>")
                .toElement(Namespaces.CLIENT);

        assertThat(error.is("error", Namespaces.CLIENT)).isTrue();
        assertThat(XmlWriter.toXml(error, Namespaces.CLIENT)).isEqualTo("<error type='cancel'>"
                + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>no such &lt;service&gt;</text>"
                + "</error>");
    }

    @Test
    void leavesOutAbsentText() {
        XmlElement error = new StanzaError(Type.WAIT, StanzaErrorCondition.RESOURCE_CONSTRAINT, "")
                .toElement(Namespaces.SERVER);

        assertThat(XmlWriter.toXml(error)).isEqualTo("<error xmlns='jabber:server' type='wait'>"
                + "<resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>");
    }

    @Test
    void appendsTheApplicationSpecificConditionLast() {
        XmlElement unsupported = XmlElement.empty("unsupported", "http://jabber.org/protocol/pubsub#errors");
        StanzaError error = StanzaError.of(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, "later")
                .withApplicationCondition(unsupported);

        assertThat(XmlWriter.toXml(error.toElement(Namespaces.CLIENT), Namespaces.CLIENT))
                .isEqualTo("<error type='cancel'>"
                        + "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>later</text>"
                        + "<unsupported xmlns='http://jabber.org/protocol/pubsub#errors'/></error>");
    }

    @Test
    void rejectsAnApplicationConditionInTheStanzasNamespace() {
        assertThatThrownBy(() -> StanzaError.of(StanzaErrorCondition.CONFLICT)
                .withApplicationCondition(XmlElement.empty("conflict", Namespaces.STANZAS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(StanzaErrorCondition.class)
    void readsBackWhatItWrites(StanzaErrorCondition condition) {
        StanzaError error = new StanzaError(Type.CONTINUE, condition, "detail",
                XmlElement.empty("app", "urn:example:app"));

        assertThat(StanzaError.fromElement(error.toElement(Namespaces.CLIENT))).isEqualTo(error);
    }

    @Test
    void readsUnknownConditionsAndTypesLeniently() {
        XmlElement received = XmlElement.builder("error", Namespaces.CLIENT)
                .attribute("type", "explode")
                .child(XmlElement.empty("payment-required", Namespaces.STANZAS))
                .build();

        StanzaError error = StanzaError.fromElement(received);

        assertThat(error.condition()).isEqualTo(StanzaErrorCondition.UNDEFINED_CONDITION);
        assertThat(error.type()).isEqualTo(Type.MODIFY);
        assertThat(error.text()).isNull();
        assertThat(StanzaError.fromElement(XmlElement.empty("error", Namespaces.CLIENT)).condition())
                .isEqualTo(StanzaErrorCondition.UNDEFINED_CONDITION);
    }

    @Test
    void typeValuesAreTheWireNames() {
        assertThat(Arrays.stream(Type.values()).map(Type::value))
                .containsExactly("auth", "cancel", "continue", "modify", "wait");
        assertThat(Type.fromValue("continue")).isEqualTo(Type.CONTINUE);
        assertThat(Type.fromValue("CANCEL")).isNull();
        assertThat(Type.fromValue(null)).isNull();
    }

    @Test
    void stanzaExceptionCarriesTheError() {
        StanzaException e = new StanzaException(StanzaErrorCondition.JID_MALFORMED, "bad 'to'");

        assertThat(e.error()).isEqualTo(new StanzaError(Type.MODIFY, StanzaErrorCondition.JID_MALFORMED, "bad 'to'"));
        assertThat(e).hasMessage("bad 'to'");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(new StanzaException(StanzaError.of(StanzaErrorCondition.GONE))).hasMessage("gone");
    }
}
