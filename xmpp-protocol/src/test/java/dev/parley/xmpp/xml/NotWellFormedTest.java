package dev.parley.xmpp.xml;

import static dev.parley.xmpp.xml.StreamRun.HEADER;
import static dev.parley.xmpp.xml.StreamRun.concat;
import static dev.parley.xmpp.xml.StreamRun.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.error.StreamErrorCondition;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6120 §11.3 and §11.6: input that is not well-formed XML 1.0 in UTF-8 is {@code not-well-formed}. */
class NotWellFormedTest {

    /** Byte sequences that are not UTF-8, or encode characters XML 1.0 forbids. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "c080", "c1bf", "e08080", "e09fbf", "f0808080", "f08fbfbf", // overlong forms
        "eda080", "edbfbf", // UTF-16 surrogates
        "f4908080", "f5808080", "f8", "fe", "ff", // beyond U+10FFFF or never valid
        "80", "bf", // continuation byte without a lead
        "e282" + "3c", "f09f98" + "61", "c3" + "20", // sequence cut short by another character
        "00", "01", "08", "0b", "0c", "1f", // C0 controls other than tab, LF, CR
        "efbfbe", "efbfbf" // U+FFFE, U+FFFF
    })
    void badBytesInTextAreNotWellFormed(String hex) {
        StreamRun run = inBody(HexFormat.of().parseHex(hex));

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        assertThat(run.elements()).containsExactly(XmlElement.empty("presence", "jabber:client"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c080", "eda080", "01", "f5808080"})
    void badBytesInNamesAndAttributeValuesAreNotWellFormed(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);

        assertThat(StreamRun.of(concat(utf8(HEADER + "<message a='"), bad, utf8("'/>"))).condition())
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        assertThat(StreamRun.of(concat(utf8(HEADER + "<mess"), bad, utf8("age/>"))).condition())
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void badBytesInTheHeaderAreNotWellFormed() {
        assertThat(StreamRun.of(concat(utf8("<stream:stream to='"), HexFormat.of().parseHex("c0af"), utf8("'>")))
                .condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void aMultiByteCharacterCutOffByTheEndOfInputIsNotWellFormed() {
        StreamRun run = StreamRun.of(concat(utf8(HEADER + "<message><body>"), HexFormat.of().parseHex("f09f98")));

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    /** The first and last code points of each UTF-8 length, and the edges of the ranges XML 1.0 excludes. */
    @Test
    void everyValidUtf8LengthAndBoundaryCharacterIsAccepted() {
        String text = "\t\n\u0020\u007F\u0080\u07FF\u0800\uD7FF\uE000\uFFFD\uD800\uDC00\uDBFF\uDFFF";
        StreamRun run = StreamRun.ofContent("<message><body>" + text + "</body></message>");

        assertThat(run.error()).isNull();
        assertThat(run.element(0).childText("body", "jabber:client")).contains(text);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("character reference to U+0000", "<message><body>&#0;</body></message>"),
                Arguments.of("character reference to U+0001", "<message><body>&#x1;</body></message>"),
                Arguments.of("character reference to U+FFFE", "<message><body>&#xFFFE;</body></message>"),
                Arguments.of("character reference to a surrogate", "<message><body>&#xD800;</body></message>"),
                Arguments.of("character reference beyond U+10FFFF", "<message><body>&#x110000;</body></message>"),
                Arguments.of("mismatched end tag", "<message><body></message><presence/>"),
                Arguments.of("end tag of the wrong element at top level", "</message>"),
                Arguments.of("duplicate attribute", "<message id='1' id='2'/>"),
                Arguments.of("unquoted attribute", "<message id=1/>"),
                Arguments.of("less-than in an attribute", "<message id='<'/>"),
                Arguments.of("bare ampersand", "<message><body>a & b</body></message>"),
                Arguments.of("CDATA end in text", "<message><body>a ]]> b</body></message>"),
                Arguments.of("DOCTYPE inside the stream", "<!DOCTYPE x>"),
                Arguments.of("XML declaration inside the stream", "<?xml version='1.0'?>"),
                Arguments.of("junk markup", "<<presence/>"),
                Arguments.of("name starting with a digit", "<1message/>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedMarkupIsNotWellFormed(String name, String content) {
        StreamRun run = StreamRun.ofContent("<presence/>" + content);

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        assertThat(run.elements()).containsExactly(XmlElement.empty("presence", "jabber:client"));
    }

    @Test
    void junkInsteadOfAStreamIsNotWellFormed() {
        assertThat(StreamRun.of(utf8("GET / HTTP/1.1\r\n")).condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        assertThat(StreamRun.of(utf8(" <?xml version='1.0'?><stream:stream/>")).condition())
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    /** XML allows a leading byte order mark, but Aalto's async reader does not, and XMPP peers do not send one. */
    @Test
    void byteOrderMarkIsNotWellFormed() {
        assertThat(StreamRun.of(concat(HexFormat.of().parseHex("efbbbf"), utf8(HEADER))).condition())
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    private static StreamRun inBody(byte[] bad) {
        return StreamRun.of(concat(utf8(HEADER + "<presence/><message><body>x"), bad, utf8("y</body></message>")));
    }
}
