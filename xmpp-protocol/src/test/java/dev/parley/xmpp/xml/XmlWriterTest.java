package dev.parley.xmpp.xml;

import static dev.parley.xmpp.xml.StreamRun.HEADER;
import static dev.parley.xmpp.xml.StreamRun.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlWriterTest {
    private static final String CLIENT = "jabber:client";

    @Test
    void escapesTextAndAttributeValues() {
        XmlElement element = XmlElement.builder("body", CLIENT).attribute("a", "<&>'\"\t\n\r")
                .text("<&>'\"\t\n\r").build();

        assertThat(XmlWriter.toXml(element, CLIENT))
                .isEqualTo("<body a='&lt;&amp;&gt;&apos;&quot;&#x9;&#xA;&#xD;'>&lt;&amp;&gt;'\"\t\n&#xD;</body>");
    }

    @Test
    void declaresANamespaceOnlyWhereItChanges() {
        XmlElement iq = XmlElement.builder("iq", CLIENT).attribute("type", "result")
                .child(XmlElement.builder("query", "jabber:iq:roster")
                        .child(XmlElement.empty("item", "jabber:iq:roster"))
                        .child(XmlElement.empty("unqualified", "")).build())
                .build();

        assertThat(XmlWriter.toXml(iq, CLIENT)).isEqualTo("<iq type='result'><query xmlns='jabber:iq:roster'><item/>"
                + "<unqualified xmlns=''/></query></iq>");
        assertThat(XmlWriter.toXml(XmlElement.empty("presence", CLIENT)))
                .isEqualTo("<presence xmlns='jabber:client'/>");
    }

    @Test
    void writesXmlAttributesWithTheXmlPrefixAndOthersWithAGeneratedOne() {
        XmlElement element = XmlElement.builder("message", CLIENT).attribute("xml:lang", "en")
                .attribute("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                .attribute("{urn:a}x", "1").attribute("{urn:b}y", "2").build();

        assertThat(XmlWriter.toXml(element, CLIENT)).isEqualTo("<message xml:lang='en' xml:space='preserve' "
                + "xmlns:ns0='urn:a' ns0:x='1' xmlns:ns1='urn:b' ns1:y='2'/>");
    }

    @Test
    void parsedElementsWrittenAndParsedAgainAreEqual() {
        StreamRun first = StreamRun.ofContent("""
                <message to='a@b/c' xml:lang='fr' xmlns:e='urn:e{1}' e:flag='x&#x9;y&#xA;z'><body>Salut \
                &amp; &lt;bienvenue&gt; &#xD; 😀 ]]&gt; "'</body><e:data xmlns='urn:other'><p:inner xmlns:p='urn:p' \
                p:a='&apos;'><none xmlns=''/>text</p:inner></e:data></message>
                <iq type='get' id='1'><query xmlns='jabber:iq:roster'/></iq>
                <stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>""");
        assertThat(first.error()).isNull();

        StringBuilder written = new StringBuilder(HEADER);
        first.elements().forEach(element -> XmlWriter.write(element, CLIENT, written));
        StreamRun second = StreamRun.of(utf8(written.toString()));

        assertThat(second.error()).isNull();
        assertThat(second.elements()).isEqualTo(first.elements()).hasSize(3);
        assertThat(first.element(0).attribute("{urn:e{1}}flag")).isEqualTo("x\ty\nz");
    }

    @Test
    void builtElementsSurviveARoundTrip() {
        XmlElement built = XmlElement.builder("message", CLIENT).attribute("id", "<&>\"'\r\n\t ")
                .attribute("{urn:x}y", "z").attribute("xml:lang", "de")
                .text("line\r\nnext\ttab ]]> & < > \" ' \uD83D\uDE00")
                .child(XmlElement.builder("x", "urn:x").child(XmlElement.empty("y", CLIENT)).build())
                .build();

        StreamRun run = StreamRun.of(utf8(HEADER + XmlWriter.toXml(built, CLIENT)));

        assertThat(run.elements()).isEqualTo(List.of(built));
    }
}
