package dev.parley.xmpp.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IqTest {
    private static final XmlElement ROSTER_GET = XmlElement.builder("iq", Namespaces.CLIENT)
            .attribute("from", "juliet@example.com/balcony")
            .attribute("id", "bv1bs71f")
            .attribute("type", "get")
            .child(XmlElement.empty("query", Namespaces.ROSTER))
            .build();

    @Test
    void readsTypeAndPayload() throws StanzaException {
        Iq iq = (Iq) Stanza.of(ROSTER_GET);

        assertThat(iq.type()).isEqualTo(Iq.Type.GET);
        assertThat(iq.isRequest()).isTrue();
        assertThat(iq.payload()).isEqualTo(XmlElement.empty("query", Namespaces.ROSTER));
    }

    @Test
    void resultSwapsAddressesAndKeepsTheId() throws StanzaException {
        Iq iq = (Iq) Stanza.of(ROSTER_GET.withAttribute("to", "example.com"));

        XmlElement result = iq.result(XmlElement.builder("query", Namespaces.ROSTER).attribute("ver", "v1").build());

        assertThat(XmlWriter.toXml(result, Namespaces.CLIENT)).isEqualTo(
                "<iq to='juliet@example.com/balcony' from='example.com' id='bv1bs71f' type='result'>"
                        + "<query xmlns='jabber:iq:roster' ver='v1'/></iq>");
    }

    @Test
    void emptyResultLeavesOutAbsentAddresses() throws StanzaException {
        XmlElement result = ((Iq) Stanza.of(ROSTER_GET)).result(null);

        assertThat(XmlWriter.toXml(result, Namespaces.CLIENT))
                .isEqualTo("<iq to='juliet@example.com/balcony' id='bv1bs71f' type='result'/>");
        Iq parsed = (Iq) Stanza.of(result);
        assertThat(parsed.type()).isEqualTo(Iq.Type.RESULT);
        assertThat(parsed.payload()).isNull();
        assertThat(parsed.isRequest()).isFalse();
        assertThatThrownBy(() -> parsed.result(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void errorReplyIncludesTheRequestPayload() throws StanzaException {
        XmlElement reply = Stanza.of(ROSTER_GET.withAttribute("to", "example.com"))
                .errorReply(StanzaError.of(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));

        assertThat(XmlWriter.toXml(reply, Namespaces.CLIENT)).isEqualTo(
                "<iq to='juliet@example.com/balcony' from='example.com' id='bv1bs71f' type='error'>"
                        + "<query xmlns='jabber:iq:roster'/>"
                        + "<error type='cancel'>"
                        + "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        Iq error = (Iq) Stanza.of(reply);
        assertThat(error.type()).isEqualTo(Iq.Type.ERROR);
        assertThat(error.payload()).isEqualTo(XmlElement.empty("query", Namespaces.ROSTER));
        assertThat(error.error().condition()).isEqualTo(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED);
    }

    @Test
    void rejectsMissingIdOrType() {
        assertBadRequest(ROSTER_GET.withAttribute("id", null), "'id'");
        assertBadRequest(ROSTER_GET.withAttribute("type", null), "'type'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "query", ""})
    void rejectsUnknownTypes(String type) {
        assertBadRequest(ROSTER_GET.withAttribute("type", type), "type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "set"})
    void requiresExactlyOneChildInARequest(String type) {
        XmlElement request = ROSTER_GET.withAttribute("type", type);
        assertBadRequest(request.withChildren(List.of()), "exactly one");
        assertBadRequest(request.withChild(XmlElement.empty("ping", Namespaces.PING)), "exactly one");
    }

    @Test
    void allowsAtMostOneChildInAResult() throws StanzaException {
        XmlElement result = ROSTER_GET.withAttribute("type", "result");

        assertThat(((Iq) Stanza.of(result)).payload()).isNotNull();
        assertBadRequest(result.withChild(XmlElement.empty("ping", Namespaces.PING)), "at most one");
    }

    @Test
    void doesNotCheckTheShapeOfErrorIqs() throws StanzaException {
        Iq error = (Iq) Stanza.of(XmlElement.builder("iq", Namespaces.CLIENT).attribute("type", "error").build());

        assertThat(error.payload()).isNull();
        assertThat(error.error()).isNull();
    }

    @Test
    void keepsTypeAndPayloadWhenReaddressed() throws StanzaException {
        Iq iq = ((Iq) Stanza.of(ROSTER_GET)).withTo(Jid.parse("example.com"));

        assertThat(iq.type()).isEqualTo(Iq.Type.GET);
        assertThat(iq.payload()).isEqualTo(XmlElement.empty("query", Namespaces.ROSTER));
        assertThat(iq.withFrom(null).element().attribute("from")).isNull();
    }

    private static void assertBadRequest(XmlElement element, String textFragment) {
        assertThatThrownBy(() -> Stanza.of(element)).isInstanceOfSatisfying(StanzaException.class, e -> {
            assertThat(e.error().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
            assertThat(e.error().text()).contains(textFragment);
        });
    }
}
