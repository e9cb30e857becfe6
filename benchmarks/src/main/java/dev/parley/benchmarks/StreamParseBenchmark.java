package dev.parley.benchmarks;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.StreamListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmppStreamParser;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a client stream of {@link StanzaCorpus} messages fed in 16 KiB pieces: {@link XmppStreamParser} (UTF-8 and
 * markup checks, limits, namespace resolution, one {@link XmlElement} tree per stanza) against Aalto's async reader
 * alone, pulling the same names, attribute values and text out of the events but building nothing and checking
 * nothing. Scores are stanzas per second; multiply by {@link StanzaCorpus#averageStanzaBytes()} for bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class StreamParseBenchmark {
    private List<ByteBuffer> chunks;
    private InputFactoryImpl aalto;

    @Setup
    public void setUp() {
        chunks = StanzaCorpus.chunks(StanzaCorpus.stream());
        aalto = new InputFactoryImpl();
        aalto.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        aalto.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        aalto.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
    }

    /** One stream through a fresh parser, as one connection's input; the header is parsed once per pass. */
    @Benchmark
    @OperationsPerInvocation(StanzaCorpus.STANZAS)
    public void parley(Blackhole sink) throws StreamErrorException {
        CountingListener listener = new CountingListener(sink);
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.AUTHENTICATED, listener);
        for (ByteBuffer chunk : chunks) {
            parser.feed(chunk.rewind());
        }
        listener.expect(StanzaCorpus.STANZAS);
    }

    /** Baseline: the same bytes through a bare Aalto event loop, the floor any Aalto-based parser stands on. */
    @Benchmark
    @OperationsPerInvocation(StanzaCorpus.STANZAS)
    public void aaltoEventLoop(Blackhole sink) throws XMLStreamException {
        AsyncXMLStreamReader<AsyncByteBufferFeeder> reader = aalto.createAsyncForByteBuffer();
        int depth = 0;
        int stanzas = 0;
        for (ByteBuffer chunk : chunks) {
            reader.getInputFeeder().feedInput(chunk.rewind());
            for (int event = reader.next(); event != AsyncXMLStreamReader.EVENT_INCOMPLETE; event = reader.next()) {
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        sink.consume(reader.getLocalName());
                        sink.consume(reader.getNamespaceURI());
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            sink.consume(reader.getAttributeLocalName(i));
                            sink.consume(reader.getAttributeValue(i));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (--depth == 1) {
                            stanzas++;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS -> sink.consume(reader.getText());
                    default -> {
                    }
                }
            }
        }
        if (stanzas != StanzaCorpus.STANZAS) {
            throw new IllegalStateException("Aalto saw " + stanzas + " stanzas, expected " + StanzaCorpus.STANZAS);
        }
    }

    /** Hands each stanza to the blackhole and counts them, so that a benchmark never measures a failing parse. */
    static final class CountingListener implements StreamListener {
        private final Blackhole sink;
        private int elements;

        CountingListener(Blackhole sink) {
            this.sink = sink;
        }

        @Override
        public void streamOpened(StreamHeader header) {
            sink.consume(header);
        }

        @Override
        public void element(XmlElement element) {
            elements++;
            sink.consume(element);
        }

        @Override
        public void streamClosed() {
            throw new IllegalStateException("the corpus never closes its stream");
        }

        void expect(int count) {
            if (elements != count) {
                throw new IllegalStateException("parsed " + elements + " stanzas, expected " + count);
            }
        }
    }
}
