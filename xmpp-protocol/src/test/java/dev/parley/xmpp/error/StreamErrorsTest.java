package dev.parley.xmpp.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class StreamErrorsTest {

    @Test
    void buildsStreamErrorWithConditionAndText() {
        XmlElement error = StreamErrors.toElement(StreamErrorCondition.NOT_WELL_FORMED, "unclosed tag");

        assertThat(error.is("error", Namespaces.STREAMS)).isTrue();
        assertThat(XmlWriter.toXml(error, Namespaces.CLIENT)).isEqualTo(
                "<error xmlns='http://etherx.jabber.org/streams'>"
                        + "<not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>unclosed tag</text>"
                        + "</error>");
    }

    @Test
    void leavesOutAbsentText() {
        XmlElement error = StreamErrors.toElement(StreamErrorCondition.SYSTEM_SHUTDOWN, null);

        assertThat(error.children()).containsExactly(
                XmlElement.empty("system-shutdown", StreamErrorCondition.NAMESPACE));
    }

    @Test
    void buildsFromAThrownStreamError() {
        StreamErrorException thrown = new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION, "too big");

        assertThat(StreamErrors.toElement(thrown))
                .isEqualTo(StreamErrors.toElement(StreamErrorCondition.POLICY_VIOLATION, "too big"));
        assertThat(StreamErrors.toElement(thrown).childText("text", StreamErrorCondition.NAMESPACE))
                .contains("too big");
    }
}
