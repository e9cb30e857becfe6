package dev.parley.benchmarks;

import dev.parley.xmpp.jid.Jid;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Jid#parse}: the RFC 7622 split plus PRECIS enforcement of every part (UsernameCaseMapped, IDNA2008,
 * OpaqueString), against the split alone. Runs for the JID of every stanza a client sends, so its cost is per stanza.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class JidParseBenchmark {
    /** Typical ASCII addresses, full and bare, and an internationalised one (Latin localpart, IDN domain). */
    static final Map<String, String> JIDS = Map.of(
            "ascii-full", "juliet@example.com/balcony",
            "ascii-bare", "romeo@example.net",
            "i18n-full", "jürgen@münchen.example/Küche");

    @Param({"ascii-full", "ascii-bare", "i18n-full"})
    public String jid;

    private String text;

    @Setup
    public void setUp() {
        text = JIDS.get(jid);
        if (text == null) {
            throw new IllegalArgumentException("unknown JID sample " + jid + "; known: " + JIDS.keySet());
        }
    }

    @Benchmark
    public Jid parse() {
        return Jid.parse(text);
    }

    /** Baseline: the §3.1 split into parts with no enforcement at all, what a parser that trusts its input does. */
    @Benchmark
    public String[] splitOnly() {
        int slash = text.indexOf('/');
        String beforeResource = slash < 0 ? text : text.substring(0, slash);
        int at = beforeResource.indexOf('@');
        return new String[] {
            at < 0 ? null : beforeResource.substring(0, at),
            beforeResource.substring(at + 1),
            slash < 0 ? null : text.substring(slash + 1),
        };
    }
}
