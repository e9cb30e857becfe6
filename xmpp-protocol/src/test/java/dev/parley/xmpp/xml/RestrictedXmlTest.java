package dev.parley.xmpp.xml;

import static dev.parley.xmpp.xml.StreamRun.HEADER;
import static dev.parley.xmpp.xml.StreamRun.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.error.StreamErrorCondition;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6120 §11.1: comments, processing instructions, DTDs and non-predefined entity references are refused. */
class RestrictedXmlTest {
    private static final String STREAM_OPEN = HEADER.substring(HEADER.indexOf("?>") + 2);

    static Stream<Arguments> restricted() {
        return Stream.of(
                Arguments.of("comment before the root", "<!-- hello -->" + STREAM_OPEN),
                Arguments.of("comment after the declaration", "<?xml version='1.0'?><!---->" + STREAM_OPEN),
                Arguments.of("comment between stanzas", HEADER + "<presence/><!-- x --><presence/>"),
                Arguments.of("comment inside a stanza", HEADER + "<message><body>a<!-- x -->b</body></message>"),
                Arguments.of("processing instruction before the root", "<?xml-stylesheet href='a'?>" + STREAM_OPEN),
                Arguments.of("processing instruction between stanzas", HEADER + "<?php echo 1; ?>"),
                Arguments.of("processing instruction inside a stanza", HEADER + "<message><?pi data?></message>"),
                Arguments.of("DTD", "<!DOCTYPE stream:stream>" + STREAM_OPEN),
                Arguments.of("DTD with a system identifier", "<!DOCTYPE stream SYSTEM 'http://example.com/x.dtd'>"
                        + STREAM_OPEN),
                Arguments.of("DTD with an internal subset", "<?xml version='1.0'?><!DOCTYPE stream [<!ELEMENT stream ANY>]>"
                        + STREAM_OPEN),
                Arguments.of("external entity", "<!DOCTYPE m [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                        + STREAM_OPEN + "<message><body>&xxe;</body></message>"),
                Arguments.of("undeclared entity in text", HEADER + "<message><body>&nbsp;</body></message>"),
                Arguments.of("entity in an attribute", HEADER + "<message to='&host;'/>"),
                Arguments.of("entity in the stream header", STREAM_OPEN.replace("example.com", "&host;")),
                Arguments.of("entity between stanzas", HEADER + "<presence/>&foo;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restricted")
    void isRestrictedXml(String name, String input) {
        StreamRun run = StreamRun.of(utf8(input));

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(run.error().text()).contains("RFC 6120");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restricted")
    void isRestrictedXmlWhenFedByteByByte(String name, String input) {
        StreamRun run = StreamRun.byteByByte(utf8(input),
                new StreamRun.XmppStreamParserFactory(StreamRun.LIMITS, XmppStreamParser.READER_LIFETIME_BYTES));

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void billionLaughsFailsAtTheDtdWithoutExpandingAnything() {
        StringBuilder dtd = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" '");
            dtd.append(("&lol" + (level == 1 ? "" : level - 1) + ";").repeat(10)).append("'>");
        }
        dtd.append("]>");
        byte[] input = utf8(dtd + STREAM_OPEN + "<message><body>&lol9;</body></message>");

        StreamRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> StreamRun.of(input));

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(run.events()).isEmpty();
    }

    @Test
    void billionLaughsReferenceWithoutItsDtdIsRefusedToo() {
        StreamRun run = StreamRun.ofContent("<message><body>&lol9;</body></message>");

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(run.elements()).isEmpty();
    }

    @Test
    void predefinedEntitiesCharacterReferencesAndCdataAreAllowed() {
        StreamRun run = StreamRun.ofContent("<message a='&lt;&#x41;&#66;&quot;'><body>&amp;&gt;&apos;&#xE9;"
                + "<![CDATA[<!-- not a comment -->]]></body></message>");

        assertThat(run.error()).isNull();
        assertThat(run.element(0).attribute("a")).isEqualTo("<AB\"");
        assertThat(run.element(0).childText("body", "jabber:client")).contains("&>'é<!-- not a comment -->");
    }
}
