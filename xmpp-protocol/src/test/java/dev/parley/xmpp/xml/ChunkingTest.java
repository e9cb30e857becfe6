package dev.parley.xmpp.xml;

import static dev.parley.xmpp.xml.StreamRun.HEADER;
import static dev.parley.xmpp.xml.StreamRun.concat;
import static dev.parley.xmpp.xml.StreamRun.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.error.StreamErrorCondition;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** However the bytes are split (inside tags, names, entities, multi-byte characters), the result is the same. */
class ChunkingTest {
    private static final byte[] SAMPLE = utf8("""
            <?xml version='1.0' encoding='UTF-8'?>
            <stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='example.com' \
            version='1.0' xml:lang='en' id='abc'>
            <stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>
             \r
            \t<message from='jüliet@example.com/bälcony' to='romeo@example.net' type='chat' xml:lang='fr' \
            xmlns:e='urn:example:e' e:x='1 &amp; 2'>
            <body>Привет &amp; 你好 😀 &lt;tag&gt; &#x1F600;&#65; <![CDATA[raw <b> & ]]> end\r
            </body><e:payload><e:item n='ÿ😀€' m="'"/>text<deep><deeper>✓</deeper></deep></e:payload>
            </message>
            <iq type='get' id='r'><query xmlns='jabber:iq:roster'/></iq>
            <presence/>\s\s
            </stream:stream>""");

    private static final StreamRun.XmppStreamParserFactory DEFAULT =
            new StreamRun.XmppStreamParserFactory(StreamRun.LIMITS, XmppStreamParser.READER_LIFETIME_BYTES);
    /** Replaces Aalto's reader after every top-level element. */
    private static final StreamRun.XmppStreamParserFactory NEW_READER_EACH_ELEMENT =
            new StreamRun.XmppStreamParserFactory(StreamRun.LIMITS, 1);

    @Test
    void sampleParsesCompletely() {
        StreamRun run = StreamRun.of(SAMPLE, DEFAULT);

        assertThat(run.error()).isNull();
        assertThat(run.elements()).extracting(XmlElement::name)
                .containsExactly("features", "message", "iq", "presence");
        assertThat(run.element(1).childText("body", "jabber:client"))
                .contains("Привет & 你好 😀 <tag> 😀A raw <b> &  end\n");
        assertThat(run.closed()).isTrue();
    }

    /** Aalto 1.4.0 alone corrupts a 4-byte character in an attribute value when a feed boundary splits it. */
    @Test
    void charactersSplitAcrossFeedsSurviveInAttributesAndText() {
        byte[] input = utf8(HEADER + "<presence to='😀@example.com/😀'><status>😀</status></presence>");

        for (StreamRun run : new StreamRun[] {StreamRun.byteByByte(input, DEFAULT),
                StreamRun.byteByByte(input, NEW_READER_EACH_ELEMENT)}) {
            assertThat(run.element(0).attribute("to")).isEqualTo("😀@example.com/😀");
            assertThat(run.element(0).childText("status", "jabber:client")).contains("😀");
        }
    }

    @Test
    void everySplitIntoTwoPiecesGivesTheSameEvents() {
        StreamRun whole = StreamRun.of(SAMPLE, DEFAULT);

        for (int split = 0; split <= SAMPLE.length; split++) {
            assertThat(StreamRun.of(SAMPLE, DEFAULT, split)).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void byteByByteAndRandomSplitsGiveTheSameEvents() {
        StreamRun whole = StreamRun.of(SAMPLE, DEFAULT);
        Random random = new Random(6120);

        assertThat(StreamRun.byteByByte(SAMPLE, DEFAULT)).isEqualTo(whole);
        for (int attempt = 0; attempt < 300; attempt++) {
            int[] ends = IntStream.generate(() -> random.nextInt(SAMPLE.length + 1)).limit(1 + random.nextInt(40))
                    .sorted().toArray();
            assertThat(StreamRun.of(SAMPLE, DEFAULT, ends)).as("splits %s", java.util.Arrays.toString(ends))
                    .isEqualTo(whole);
        }
    }

    @Test
    void replacingTheReaderBetweenElementsChangesNothing() {
        StreamRun whole = StreamRun.of(SAMPLE, DEFAULT);

        assertThat(StreamRun.of(SAMPLE, NEW_READER_EACH_ELEMENT)).isEqualTo(whole);
        assertThat(StreamRun.byteByByte(SAMPLE, NEW_READER_EACH_ELEMENT)).isEqualTo(whole);
        for (int split = 0; split <= SAMPLE.length; split++) {
            assertThat(StreamRun.of(SAMPLE, NEW_READER_EACH_ELEMENT, split)).as("split at %d", split)
                    .isEqualTo(whole);
        }
    }

    @Test
    void replacedReaderKeepsTheRootNamespacesAndTheLimits() {
        byte[] input = utf8("<s:stream xmlns:s='http://etherx.jabber.org/streams' xmlns='jabber:server' "
                + "xmlns:db='jabber:server:dialback'><db:result to='a' from='b'>key</db:result>"
                + "<s:features/><message/>" + "<message><body>" + "x".repeat(StreamRun.LIMITS.maxStanzaBytes())
                + "</body></message>");

        StreamRun run = StreamRun.of(input, NEW_READER_EACH_ELEMENT);

        assertThat(run.elements()).extracting(e -> e.namespace() + " " + e.name())
                .containsExactly("jabber:server:dialback result", StreamHeader.STREAM_NAMESPACE + " features",
                        "jabber:server message");
        assertThat(run.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    static Stream<Arguments> brokenStreams() {
        byte[] header = utf8(HEADER + "<presence/>");
        return Stream.of(
                Arguments.of("comment", utf8(HEADER + "<presence/><message><!-- c --></message>")),
                Arguments.of("DTD with internal subset", utf8("<!DOCTYPE s [<!ENTITY a 'b'>]><s/>")),
                Arguments.of("declaration start after the header", utf8(HEADER + "<presence/><!-x->")),
                Arguments.of("entity", utf8(HEADER + "<presence/><message><body>&e;</body></message>")),
                Arguments.of("entity in attribute", utf8(HEADER + "<presence/><message to='&e;'/>")),
                Arguments.of("overlong", concat(header, utf8("<message>"), hex("c0af"), utf8("</message>"))),
                Arguments.of("surrogate", concat(header, utf8("<m>"), hex("eda080"), utf8("</m>"))),
                Arguments.of("cut sequence", concat(header, utf8("<m>"), hex("e282"), utf8("</m>"))),
                Arguments.of("control character", concat(header, utf8("<m a='"), hex("07"), utf8("'/>"))),
                Arguments.of("unbound prefix", utf8(HEADER + "<presence/><x:message/>")),
                Arguments.of("mismatched tags", utf8(HEADER + "<presence/><a><b></a><presence/>")),
                Arguments.of("too deep", utf8(HEADER + "<presence/>" + "<a>".repeat(17))),
                Arguments.of("too large", utf8(HEADER + "<presence/><a>" + "é".repeat(5_000) + "</a>")),
                Arguments.of("wrong root", utf8("<stream:stream xmlns:stream='urn:other'>")),
                Arguments.of("UTF-16", hex("3c00730074007200")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenStreams")
    void errorsAndTheEventsBeforeThemDoNotDependOnSplits(String name, byte[] input) {
        StreamRun whole = StreamRun.of(input, DEFAULT);

        assertThat(whole.error()).isNotNull();
        assertThat(StreamRun.byteByByte(input, DEFAULT)).satisfies(run -> sameOutcome(run, whole));
        assertThat(StreamRun.of(input, NEW_READER_EACH_ELEMENT)).satisfies(run -> sameOutcome(run, whole));
        int step = 1 + input.length / 500; // every split point of the short inputs, a sample of the long one
        for (int split = 0; split <= input.length; split += step) {
            assertThat(StreamRun.of(input, DEFAULT, split)).as("split at %d", split)
                    .satisfies(run -> sameOutcome(run, whole));
        }
    }

    private static void sameOutcome(StreamRun run, StreamRun expected) {
        assertThat(run.events()).isEqualTo(expected.events());
        assertThat(run.condition()).isEqualTo(expected.condition());
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
