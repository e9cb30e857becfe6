package dev.parley.benchmarks;

import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.xml.ParserLimits;
import dev.parley.xmpp.xml.StreamHeader;
import dev.parley.xmpp.xml.StreamListener;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import dev.parley.xmpp.xml.XmppStreamParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Writing the {@link StanzaCorpus} stanzas (as trees, the way routing holds them) to UTF-8 bytes with
 * {@link XmlWriter}, against encoding the already serialised strings with {@code String.getBytes}: the part of the
 * work no writer can avoid. Scores are stanzas per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class XmlWriteBenchmark {
    private XmlElement[] stanzas;
    private String[] serialised;

    @Setup
    public void setUp() throws StreamErrorException {
        stanzas = parse().toArray(XmlElement[]::new);
        serialised = new String[stanzas.length];
        for (int i = 0; i < stanzas.length; i++) {
            serialised[i] = XmlWriter.toXml(stanzas[i], StanzaCorpus.CONTENT_NAMESPACE);
        }
    }

    @Benchmark
    @OperationsPerInvocation(StanzaCorpus.STANZAS)
    public void xmlWriter(Blackhole sink) {
        for (XmlElement stanza : stanzas) {
            sink.consume(XmlWriter.toBytes(stanza, StanzaCorpus.CONTENT_NAMESPACE));
        }
    }

    /** Baseline: UTF-8 encoding of strings equal to what {@link #xmlWriter} produces. */
    @Benchmark
    @OperationsPerInvocation(StanzaCorpus.STANZAS)
    public void stringGetBytes(Blackhole sink) {
        for (String stanza : serialised) {
            sink.consume(stanza.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The corpus stanzas as trees, parsed by Parley's own parser. */
    static List<XmlElement> parse() throws StreamErrorException {
        List<XmlElement> elements = new ArrayList<>(StanzaCorpus.STANZAS);
        XmppStreamParser parser = new XmppStreamParser(ParserLimits.AUTHENTICATED, new StreamListener() {
            @Override
            public void streamOpened(StreamHeader header) {
            }

            @Override
            public void element(XmlElement element) {
                elements.add(element);
            }

            @Override
            public void streamClosed() {
            }
        });
        ByteBuffer stream = StanzaCorpus.stream();
        parser.feed(stream);
        if (elements.size() != StanzaCorpus.STANZAS) {
            throw new IllegalStateException("parsed " + elements.size() + " stanzas, expected " + StanzaCorpus.STANZAS);
        }
        return elements;
    }
}
