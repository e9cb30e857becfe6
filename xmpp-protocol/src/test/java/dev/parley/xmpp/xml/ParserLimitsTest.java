package dev.parley.xmpp.xml;

import static dev.parley.xmpp.xml.StreamRun.HEADER;
import static dev.parley.xmpp.xml.StreamRun.concat;
import static dev.parley.xmpp.xml.StreamRun.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.error.StreamErrorException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** PROMISES.md "Bounded resources": each limit holds while the bytes arrive, and its breach is policy-violation. */
class ParserLimitsTest {
    private static final int STANZA = 1024;
    private static final ParserLimits LIMITS = new ParserLimits(STANZA, 4, 4, 512);
    private static final StreamRun.XmppStreamParserFactory PARSERS =
            new StreamRun.XmppStreamParserFactory(LIMITS, XmppStreamParser.READER_LIFETIME_BYTES);

    /** {@code <message><body>aaa...</body></message>}, exactly {@code size} bytes. */
    private static String messageOfSize(int size) {
        return "<message><body>" + "a".repeat(size - 32) + "</body></message>";
    }

    @Test
    void topLevelElementOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() {
        byte[] fits = utf8(HEADER + "<presence/>\n  " + messageOfSize(STANZA) + "\n " + messageOfSize(STANZA));
        byte[] tooLarge = utf8(HEADER + "<presence/>\n  " + messageOfSize(STANZA + 1));

        for (StreamRun run : new StreamRun[] {StreamRun.of(fits, PARSERS), StreamRun.byteByByte(fits, PARSERS)}) {
            assertThat(run.error()).isNull();
            assertThat(run.elements()).hasSize(3);
        }
        for (StreamRun run : new StreamRun[] {StreamRun.of(tooLarge, PARSERS),
                StreamRun.byteByByte(tooLarge, PARSERS)}) {
            assertThat(run.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
            assertThat(run.error().text()).contains("top-level element larger than 1024 bytes");
            assertThat(run.elements()).hasSize(1);
        }
    }

    @Test
    void tricklingElementFailsOnTheFirstByteBeyondTheLimit() throws StreamErrorException {
        XmppStreamParser parser = PARSERS.create(new XmppStreamParserTest.CollectingListener());
        parser.feed(ByteBuffer.wrap(utf8(HEADER + "  ")));
        byte[] start = utf8("<message><body>");
        long elementBytes = 0;
        StreamErrorException error = null;
        try {
            parser.feed(ByteBuffer.wrap(start));
            elementBytes += start.length;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (elementBytes < 10_000_000) {
                one.clear().put((byte) 'a').flip();
                elementBytes++;
                parser.feed(one);
            }
        } catch (StreamErrorException e) {
            error = e;
        }

        assertThat(error).isNotNull();
        assertThat(error.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(elementBytes).isEqualTo(STANZA + 1);
    }

    @Test
    void oversizedElementInOneLargeBufferIsRefusedWithoutBeingBuffered() throws StreamErrorException {
        XmppStreamParser parser = PARSERS.create(new XmppStreamParserTest.CollectingListener());
        parser.feed(ByteBuffer.wrap(utf8(HEADER)));
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) 'a');
        ByteBuffer input = ByteBuffer.wrap(concat(utf8("<message><body>"), tenMegabytes));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        StreamErrorCondition condition = null;
        try {
            parser.feed(input);
        } catch (StreamErrorException e) {
            condition = e.condition();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertThat(condition).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(input.hasRemaining()).isFalse();
        assertThat(allocated).isLessThan(1024 * 1024);
    }

    @Test
    void whitespaceBetweenElementsCountsTowardsNothing() {
        String keepalives = " \n".repeat(512 * 1024);
        byte[] input = utf8(HEADER + "<presence/>" + keepalives + messageOfSize(STANZA) + keepalives + "<presence/>");

        StreamRun oneBuffer = StreamRun.of(input, PARSERS);
        StreamRun smallPieces = StreamRun.of(input, PARSERS, pieceEnds(input.length, 1000));

        assertThat(oneBuffer.error()).isNull();
        assertThat(oneBuffer.elements()).hasSize(3);
        assertThat(smallPieces.events()).isEqualTo(oneBuffer.events());
        assertThat(smallPieces.error()).isNull();
    }

    @Test
    void nestingIsLimitedWithTheStanzaAtDepthOne() {
        StreamRun fits = StreamRun.of(utf8(HEADER + "<message><a><b><c/></b></a></message>"), PARSERS);
        StreamRun tooDeep = StreamRun.of(utf8(HEADER + "<message><a><b><c><d/></c></b></a></message>"), PARSERS);

        assertThat(fits.error()).isNull();
        assertThat(fits.elements()).hasSize(1);
        assertThat(tooDeep.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(tooDeep.error().text()).contains("nested more than 4 deep");
    }

    @Test
    void attributesPerElementAreLimitedButNamespaceDeclarationsAreNot() {
        StreamRun fits = StreamRun.of(utf8(HEADER
                + "<message xmlns:a='urn:a' xmlns:b='urn:b' a='1' b='2' a:c='3' b:d='4'/>"), PARSERS);
        StreamRun tooMany = StreamRun.of(utf8(HEADER + "<message><x a='1' b='2' c='3' d='4' e='5'/></message>"),
                PARSERS);
        StreamRun rootWithTooMany = StreamRun.of(utf8(HEADER.replace(" to=", " id='1' from='a' to=")),
                PARSERS);

        assertThat(fits.error()).isNull();
        assertThat(fits.element(0).attributes()).hasSize(4);
        assertThat(tooMany.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(tooMany.error().text()).contains("more than 4 attributes");
        assertThat(rootWithTooMany.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(rootWithTooMany.events()).isEmpty();
    }

    @Test
    void streamHeaderIsLimitedIncludingTheXmlDeclaration() {
        String header = headerOfSize(512);
        byte[] fits = utf8(header + "<presence/>");
        byte[] tooLarge = utf8(headerOfSize(513));

        assertThat(StreamRun.of(fits, PARSERS).elements()).hasSize(1);
        assertThat(StreamRun.byteByByte(fits, PARSERS).elements()).hasSize(1);
        for (StreamRun run : new StreamRun[] {StreamRun.of(tooLarge, PARSERS),
                StreamRun.byteByByte(tooLarge, PARSERS)}) {
            assertThat(run.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
            assertThat(run.error().text()).contains("stream header larger than 512 bytes");
            assertThat(run.events()).isEmpty();
        }
    }

    @Test
    void endlessWhitespaceBeforeTheRootHitsTheHeaderLimit() {
        StreamRun run = StreamRun.of(utf8(" ".repeat(100_000)), PARSERS, pieceEnds(100_000, 7));

        assertThat(run.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void elementInTheBufferThatCompletesTheHeaderIsLimitedToo() {
        byte[] fits = utf8(HEADER + messageOfSize(STANZA));
        byte[] tooLarge = utf8(HEADER + messageOfSize(STANZA + 1));
        ParserLimits largeHeader = new ParserLimits(STANZA, 4, 4, 64 * 1024);

        assertThat(StreamRun.of(fits, largeHeader).elements()).hasSize(1);
        assertThat(StreamRun.of(tooLarge, largeHeader).condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    /** A stream header of exactly {@code size} bytes, padded in its {@code id}. */
    private static String headerOfSize(int size) {
        String template = HEADER.replace(" to=", " id='' to=");
        int padding = size - utf8(template).length;
        return template.replace("id=''", "id='" + "x".repeat(padding) + "'");
    }

    private static int[] pieceEnds(int length, int pieceSize) {
        int[] ends = new int[(length - 1) / pieceSize];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = (i + 1) * pieceSize;
        }
        return ends;
    }
}
