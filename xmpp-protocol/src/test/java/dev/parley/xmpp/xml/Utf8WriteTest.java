package dev.parley.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link XmlWriter#writeUtf8} against the string writer: the same bytes, with children encoded once. */
class Utf8WriteTest {
    private static final String CLIENT = "jabber:client";
    private static final String SERVER = "jabber:server";

    /** Counts the byte runs handed over as already encoded, to see which children came from a memo. */
    private static final class Recording implements Utf8Sink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<byte[]> encodedRuns = new java.util.ArrayList<>();

        @Override
        public void writeUtf8(CharSequence chars) {
            bytes.writeBytes(chars.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(byte[] utf8, int offset, int length) {
            encodedRuns.add(utf8);
            bytes.write(utf8, offset, length);
        }
    }

    private static byte[] utf8(XmlElement element, String inherited) {
        Recording out = new Recording();
        XmlWriter.writeUtf8(element, inherited, out);
        return out.bytes.toByteArray();
    }

    private static XmlElement tricky() throws Exception {
        StreamRun run = StreamRun.ofContent("""
                <message to='a@b/c' from='d@e/f' xml:lang='fr' xmlns:e='urn:e{1}' e:flag='x&#x9;y&#xA;z'>\
                lead &amp; text<body>Salut &amp; &lt;bienvenue&gt; &#xD; 😀 𝄞 ]]&gt; "'</body>\
                <e:data xmlns='urn:other'><p:inner xmlns:p='urn:p' p:a='&apos;&quot;&lt;'><none xmlns=''/>text\
                </p:inner></e:data><x xmlns='jabber:client'><y/></x><empty xmlns=''/>tail 日本</message>""");
        assertThat(run.error()).isNull();
        return run.elements().getFirst();
    }

    @Test
    void writesTheSameBytesAsTheStringWriterUnderEachContentNamespace() throws Exception {
        XmlElement message = tricky();
        for (String inherited : List.of(CLIENT, SERVER, "", "urn:other")) {
            assertThat(utf8(message, inherited)).as(inherited)
                    .isEqualTo(XmlWriter.toXml(message, inherited).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aChildMemoisedUnderOneNamespaceIsWrittenRightUnderAnother() throws Exception {
        XmlElement body = XmlElement.builder("body", CLIENT).text("hi").build();
        XmlElement inClient = XmlElement.builder("message", CLIENT).child(body).build();
        XmlElement inServer = XmlElement.builder("message", SERVER).child(body).build();

        assertThat(new String(utf8(inClient, CLIENT), StandardCharsets.UTF_8)).isEqualTo("<message><body>hi</body></message>");
        assertThat(new String(utf8(inServer, SERVER), StandardCharsets.UTF_8))
                .isEqualTo("<message><body xmlns='jabber:client'>hi</body></message>");
        assertThat(new String(utf8(inClient, CLIENT), StandardCharsets.UTF_8)).isEqualTo("<message><body>hi</body></message>");
    }

    @Test
    void copiesDifferingInTheirAddressShareTheirChildrenBytes() throws Exception {
        XmlElement message = tricky();
        Recording first = new Recording();
        Recording second = new Recording();
        XmlWriter.writeUtf8(message.withAttribute("to", "one@b/c"), CLIENT, first);
        XmlWriter.writeUtf8(message.withAttribute("to", "two@b/c"), CLIENT, second);

        assertThat(first.encodedRuns).hasSize(4);
        for (int i = 0; i < first.encodedRuns.size(); i++) {
            assertThat(second.encodedRuns.get(i)).isSameAs(first.encodedRuns.get(i));
        }
        assertThat(new String(second.bytes.toByteArray(), StandardCharsets.UTF_8))
                .startsWith("<message to='two@b/c'")
                .isEqualTo(XmlWriter.toXml(message.withAttribute("to", "two@b/c"), CLIENT));
    }

    @Test
    void elementsWithoutChildrenAndStreamLevelNamespacesMatchToo() {
        XmlElement empty = XmlElement.builder("presence", CLIENT).attribute("to", "a@b").build();
        XmlElement features = XmlElement.builder("features", "http://etherx.jabber.org/streams")
                .child(XmlElement.empty("bind", "urn:ietf:params:xml:ns:xmpp-bind")).build();

        assertThat(utf8(empty, CLIENT)).isEqualTo("<presence to='a@b'/>".getBytes(StandardCharsets.UTF_8));
        assertThat(utf8(empty, "")).isEqualTo(XmlWriter.toBytes(empty, ""));
        assertThat(utf8(features, CLIENT)).isEqualTo(XmlWriter.toBytes(features, CLIENT));
    }

    @Test
    void writersOnManyThreadsAllGetTheSameBytes() throws Exception {
        XmlElement message = tricky();
        byte[] expected = XmlWriter.toBytes(message, CLIENT);
        ConcurrentLinkedQueue<byte[]> results = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 200; i++) {
            XmlElement copy = message.withAttribute("to", "r" + i + "@b/c");
            threads.execute(() -> results.add(utf8(copy.withAttribute("to", "a@b/c"), CLIENT)));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(results).hasSize(200).allSatisfy(bytes -> assertThat(bytes).isEqualTo(expected));
    }
}
