package dev.parley.xmpp.xml;

import static dev.parley.xmpp.xml.StreamRun.HEADER;
import static dev.parley.xmpp.xml.StreamRun.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmppStreamParserTest {
    private static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    private static final String STREAMS = StreamHeader.STREAM_NAMESPACE;

    @Test
    void clientStreamGivesHeaderTopLevelElementsAndClose() {
        StreamRun run = StreamRun.of(utf8("""
                <?xml version='1.0' encoding='UTF-8'?>
                <stream:stream from='juliet@im.example.com' to='im.example.com' version='1.0' xml:lang='en'
                    id='s1' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>
                  <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>
                  <message to='romeo@example.net' id='m1' type='chat' xml:lang='fr'><body>Où es-tu, Roméo ? 😀</body\
                ><x xmlns='urn:example:unknown' a='1'><y>deep<z/>er</y></x></message>
                </stream:stream>"""));

        assertThat(run.error()).isNull();
        assertThat(run.header()).isEqualTo(new StreamHeader("jabber:client", "im.example.com",
                "juliet@im.example.com", "s1", "1.0", "en"));
        assertThat(run.elements()).containsExactly(
                XmlElement.empty("starttls", TLS),
                XmlElement.builder("message", "jabber:client")
                        .attribute("to", "romeo@example.net").attribute("id", "m1").attribute("type", "chat")
                        .attribute("xml:lang", "fr")
                        .textChild("body", "Où es-tu, Roméo ? 😀")
                        .child(XmlElement.builder("x", "urn:example:unknown").attribute("a", "1")
                                .child(XmlElement.builder("y", "urn:example:unknown").text("deep")
                                        .child(XmlElement.empty("z", "urn:example:unknown")).text("er").build())
                                .build())
                        .build());
        assertThat(run.closed()).isTrue();
        assertThat(run.events()).hasSize(4);
    }

    @Test
    void attributesAreKeyedByLocalNameXmlPrefixOrClarkNotationAndDeclarationsAreNotAttributes() {
        StreamRun run = StreamRun.ofContent(
                "<message xmlns:e='urn:example:ext' id='1' xml:lang='de' e:flag='yes' xmlns:unused='urn:u'/>");

        assertThat(run.element(0).attributes()).containsExactly(Map.entry("id", "1"), Map.entry("xml:lang", "de"),
                Map.entry("{urn:example:ext}flag", "yes"));
    }

    @Test
    void prefixedElementsResolveToTheirNamespace() {
        StreamRun run = StreamRun.ofContent("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>"
                + "<iq type='get' id='r1'><r:query xmlns:r='jabber:iq:roster'><r:item jid='a@b'/></r:query></iq>");

        XmlElement features = run.element(0);
        assertThat(features.is("features", STREAMS)).isTrue();
        assertThat(features.child("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl").orElseThrow()
                .childText("mechanism", "urn:ietf:params:xml:ns:xmpp-sasl")).contains("PLAIN");
        XmlElement query = run.element(1).firstChild("jabber:iq:roster").orElseThrow();
        assertThat(query.name()).isEqualTo("query");
        assertThat(query.child("item", "jabber:iq:roster").orElseThrow().attribute("jid")).isEqualTo("a@b");
    }

    @Test
    void streamNamespaceMayUseAnyPrefix() {
        StreamRun run = StreamRun.of(utf8("<s:stream xmlns:s='http://etherx.jabber.org/streams' xmlns='jabber:server'>"
                + "<s:features/></s:stream>"));

        assertThat(run.error()).isNull();
        assertThat(run.header().contentNamespace()).isEqualTo("jabber:server");
        assertThat(run.element(0).is("features", STREAMS)).isTrue();
        assertThat(run.closed()).isTrue();
    }

    @Test
    void missingHeaderAttributesAndContentNamespaceAreReportedAsAbsent() {
        StreamRun run = StreamRun.of(utf8("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>"));

        assertThat(run.error()).isNull();
        assertThat(run.header()).isEqualTo(new StreamHeader("", null, null, null, null, null));
    }

    @Test
    void adjacentTextEntitiesAndCdataBecomeOneTextNode() {
        StreamRun run = StreamRun.ofContent("<message><body>a &amp; b <![CDATA[<c>]]> &#x263A;&#9731; &lt;d&gt;"
                + "&apos;&quot;</body></message>");

        assertThat(run.element(0).child("body", "jabber:client").orElseThrow().children())
                .containsExactly(new XmlText("a & b <c> ☺☃ <d>'\""));
    }

    @Test
    void whitespaceInsideAStanzaIsKeptAndBetweenStanzasIsDropped() {
        StreamRun run = StreamRun.ofContent(" \n\t\r\n<message> <body> x </body>\n</message>   \n<presence/> ");

        assertThat(run.elements()).containsExactly(
                XmlElement.builder("message", "jabber:client").text(" ").textChild("body", " x ").text("\n").build(),
                XmlElement.empty("presence", "jabber:client"));
    }

    @Test
    void textBetweenStanzasIsBadFormat() {
        StreamRun run = StreamRun.ofContent("<presence/>hello<presence/>");

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.BAD_FORMAT);
        assertThat(run.elements()).hasSize(1);
    }

    @Test
    void anEmptyStreamRootOpensAndClosesTheStream() {
        StreamRun run = StreamRun.of(utf8("<stream:stream xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams'/>"));

        assertThat(run.events()).hasSize(2);
        assertThat(run.closed()).isTrue();
    }

    @Test
    void bytesAfterTheStreamIsClosedAreIgnored() {
        StreamRun run = StreamRun.ofContent("<presence/></stream:stream><message/>junk\0<<<");

        assertThat(run.error()).isNull();
        assertThat(run.elements()).hasSize(1);
        assertThat(run.closed()).isTrue();
    }

    @Test
    void rootOutsideTheStreamNamespaceIsInvalidNamespace() {
        assertThat(StreamRun.of(utf8("<stream:stream xmlns='jabber:client' xmlns:stream='http://example.com/x'>"))
                .condition()).isEqualTo(StreamErrorCondition.INVALID_NAMESPACE);
        assertThat(StreamRun.of(utf8("<stream xmlns='jabber:client'>")).condition())
                .isEqualTo(StreamErrorCondition.INVALID_NAMESPACE);
    }

    @Test
    void rootWithAnotherNameIsBadFormat() {
        StreamRun run = StreamRun.of(utf8("<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"));

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.BAD_FORMAT);
        assertThat(run.events()).isEmpty();
    }

    @Test
    void undeclaredPrefixesAreBadNamespacePrefix() {
        assertThat(StreamRun.of(utf8("<stream:stream xmlns='jabber:client' to='example.com'>")).condition())
                .isEqualTo(StreamErrorCondition.BAD_NAMESPACE_PREFIX);
        assertThat(StreamRun.ofContent("<foo:message/>").condition())
                .isEqualTo(StreamErrorCondition.BAD_NAMESPACE_PREFIX);
        assertThat(StreamRun.ofContent("<message foo:bar='1'/>").condition())
                .isEqualTo(StreamErrorCondition.BAD_NAMESPACE_PREFIX);
    }

    @Test
    void prefixBoundToAnEmptyNameIsNotWellFormed() {
        assertThat(StreamRun.ofContent("<message xmlns:p=''/>").condition())
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void declarationOfAnotherEncodingIsUnsupportedEncoding() {
        for (String encoding : List.of("ISO-8859-1", "US-ASCII", "UTF-16", "Shift_JIS")) {
            assertThat(StreamRun.of(utf8("<?xml version='1.0' encoding='" + encoding + "'?>"
                    + HEADER.substring(HEADER.indexOf("?>") + 2))).condition())
                    .as(encoding).isEqualTo(StreamErrorCondition.UNSUPPORTED_ENCODING);
        }
        assertThat(StreamRun.of(utf8("<?xml version='1.0' encoding='utf-8'?><stream:stream "
                + "xmlns:stream='http://etherx.jabber.org/streams'>")).error()).isNull();
    }

    @Test
    void utf16InputIsUnsupportedEncoding() {
        byte[] bigEndianWithMark = StreamRun.concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "<stream:stream>".getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        byte[] littleEndian = "<stream:stream>".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

        assertThat(StreamRun.of(bigEndianWithMark).condition()).isEqualTo(StreamErrorCondition.UNSUPPORTED_ENCODING);
        assertThat(StreamRun.of(littleEndian).condition()).isEqualTo(StreamErrorCondition.UNSUPPORTED_ENCODING);
    }

    @Test
    void xmlVersionOtherThan10IsBadFormat() {
        assertThat(StreamRun.of(utf8("<?xml version='1.1'?><stream:stream "
                + "xmlns:stream='http://etherx.jabber.org/streams'>")).condition())
                .isEqualTo(StreamErrorCondition.BAD_FORMAT);
    }

    @Test
    void endOfInputBetweenStanzasOrInsideTheHeaderIsNotAnError() throws StreamErrorException {
        assertThat(StreamRun.ofContent("<presence/>  ").error()).isNull();
        assertThat(StreamRun.of(utf8(HEADER.substring(0, 40))).error()).isNull();
        assertThat(StreamRun.of(new byte[0]).error()).isNull();

        XmppStreamParser parser = new XmppStreamParser(StreamRun.LIMITS, new CollectingListener());
        parser.feed(utf8(HEADER), 0, HEADER.length());
        parser.endOfInput();
        parser.endOfInput(); // idempotent
        assertThatThrownBy(() -> parser.feed(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endOfInputInsideAStanzaIsNotWellFormed() {
        assertThat(StreamRun.ofContent("<message><body>hi").condition())
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        assertThat(StreamRun.ofContent("<presence/><mess").condition())
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void afterAnErrorEveryCallThrowsTheSameException() throws StreamErrorException {
        XmppStreamParser parser = new XmppStreamParser(StreamRun.LIMITS, new CollectingListener());
        parser.feed(ByteBuffer.wrap(utf8(HEADER)));
        ByteBuffer bad = ByteBuffer.wrap(utf8("<message><!-- no --></message><presence/>"));

        StreamErrorException first = catchStreamError(() -> parser.feed(bad));

        assertThat(first.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(bad.hasRemaining()).isFalse();
        assertThat(catchStreamError(() -> parser.feed(ByteBuffer.wrap(utf8("<presence/>"))))).isSameAs(first);
        assertThat(catchStreamError(parser::endOfInput)).isSameAs(first);
    }

    @Test
    void listenerExceptionsPropagateAndEndTheParser() throws StreamErrorException {
        StreamErrorException refusal = new StreamErrorException(StreamErrorCondition.HOST_UNKNOWN, "no such host");
        XmppStreamParser parser = new XmppStreamParser(StreamRun.LIMITS, new CollectingListener() {
            @Override
            public void streamOpened(StreamHeader header) throws StreamErrorException {
                throw refusal;
            }
        });

        assertThat(catchStreamError(() -> parser.feed(ByteBuffer.wrap(utf8(HEADER))))).isSameAs(refusal);
        assertThat(catchStreamError(() -> parser.feed(ByteBuffer.wrap(utf8("<presence/>"))))).isSameAs(refusal);
    }

    @Test
    void readsDirectBuffersOffsetBuffersAndArraySlicesAndConsumesThemWhole() throws StreamErrorException {
        CollectingListener listener = new CollectingListener();
        XmppStreamParser parser = new XmppStreamParser(StreamRun.LIMITS, listener);
        byte[] header = utf8(HEADER);
        ByteBuffer direct = ByteBuffer.allocateDirect(header.length).put(header).flip();
        byte[] padded = utf8("####<presence/>####");
        ByteBuffer withPosition = ByteBuffer.wrap(padded).position(4).limit(15);

        parser.feed(direct);
        parser.feed(utf8("xx<presence/>"), 2, 11);
        parser.feed(withPosition);

        assertThat(direct.hasRemaining()).isFalse();
        assertThat(withPosition.position()).isEqualTo(15);
        assertThat(listener.elements).containsExactly(XmlElement.empty("presence", "jabber:client"),
                XmlElement.empty("presence", "jabber:client"));
    }

    private static StreamErrorException catchStreamError(ThrowingCall call) {
        try {
            call.run();
        } catch (StreamErrorException e) {
            return e;
        }
        throw new AssertionError("expected a StreamErrorException");
    }

    private interface ThrowingCall {
        void run() throws StreamErrorException;
    }

    static class CollectingListener implements StreamListener {
        final List<XmlElement> elements = new ArrayList<>();

        @Override
        public void streamOpened(StreamHeader header) throws StreamErrorException {
        }

        @Override
        public void element(XmlElement element) {
            elements.add(element);
        }

        @Override
        public void streamClosed() {
        }
    }
}
