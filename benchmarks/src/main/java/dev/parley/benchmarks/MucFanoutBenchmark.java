package dev.parley.benchmarks;

import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.error.StreamErrorException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Multi-user chat fan-out (XEP-0045 §7.4): one occupant's groupchat message to a room of {@code occupants}, through the
 * whole node as a client's stanza takes it ({@link BenchmarkNode}: router, the MUC module's service and room, then one
 * routed copy per occupant through local delivery), until every occupant's session has serialised its copy to bytes
 * ({@link SerialisingSession}). The sender is an occupant, so a message makes {@code occupants} deliveries. The
 * messages are the {@link StanzaCorpus}'s four bodies in turn, with its chat state and origin id, sent as groupchat.
 *
 * <p>Baseline, same run: {@link #serialiseEachCopy} serialises in full, to a string and then to bytes, the copy the
 * room delivered to each session (captured in setup), without the room or the router: what fan-out cost per recipient
 * when every copy was serialised on its own. {@link #room} writes each copy as a connection does now, with the
 * children the copies share encoded once. The score is messages per second; deliveries per second is that times {@code occupants},
 * and CPU per delivery is the {@code :cpu} figure divided by {@code occupants}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dparley.log.level=WARN"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class MucFanoutBenchmark {
    static final Jid ROOM = Jid.parse("fanout@conference." + BenchmarkNode.DOMAIN);
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final int VARIANTS = 4;

    @Param({"10", "100", "1000"})
    public int occupants;

    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private BenchmarkNode node;
    private SerialisingSession[] sessions;
    private Stanza[] messages;
    /** [variant][occupant]: what the room delivered to each occupant for each message variant. */
    private Stanza[][] copies;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        node = BenchmarkNode.start();
        sessions = new SerialisingSession[occupants];
        for (int i = 0; i < occupants; i++) {
            Jid user = Jid.parse("occupant" + i + "@" + BenchmarkNode.DOMAIN + "/desktop");
            node.addAccount(user);
            sessions[i] = new SerialisingSession(user, deliveries, bytes);
            node.bind(sessions[i]);
            BenchmarkNode.await(node.send(sessions[i], stanza(XmlElement.empty("presence", StanzaCorpus.CONTENT_NAMESPACE)
                    .withAttribute("from", user.toString()))));
            BenchmarkNode.await(node.send(sessions[i], stanza(join(user, "nick" + i))));
            if (i == 0) {
                BenchmarkNode.await(node.send(sessions[0], stanza(configuredRoom(user, occupants))));
            }
        }
        messages = groupchatMessages(sessions[0].jid());
        copies = new Stanza[VARIANTS][occupants];
        for (int variant = 0; variant < VARIANTS; variant++) {
            room();
            for (int i = 0; i < occupants; i++) {
                copies[variant][i] = sessions[i].last();
            }
        }
    }

    /** One groupchat message, routed and fanned out; returns once every occupant's copy is serialised. */
    @Benchmark
    public long room() {
        long before = deliveries.get();
        BenchmarkNode.await(node.send(sessions[0], messages[next++ % VARIANTS]));
        long delivered = deliveries.get() - before;
        if (delivered != occupants) {
            throw new IllegalStateException(delivered + " deliveries for a room of " + occupants);
        }
        return delivered;
    }

    /** Baseline: serialising in full the copies {@link #room} delivers, one per occupant, without room or routing. */
    @Benchmark
    public long serialiseEachCopy() {
        Stanza[] variant = copies[next++ % VARIANTS];
        for (int i = 0; i < occupants; i++) {
            sessions[i].serialiseInFull(variant[i]);
        }
        return bytes.get();
    }

    @TearDown(Level.Trial)
    public void close() {
        node.close();
    }

    long deliveries() {
        return deliveries.get();
    }

    long bytes() {
        return bytes.get();
    }

    SerialisingSession session(int occupant) {
        return sessions[occupant];
    }

    private static XmlElement join(Jid user, String nick) {
        return XmlElement.builder("presence", StanzaCorpus.CONTENT_NAMESPACE).attribute("from", user.toString())
                .attribute("to", ROOM.withResource(nick).toString()).child(XmlElement.empty("x", MUC)).build();
    }

    /**
     * XEP-0045 §10.1.3: the owner configures the room, which unlocks it, keeping the defaults but for the most
     * occupants (200 by default) so that all of them fit.
     */
    private static XmlElement configuredRoom(Jid owner, int occupants) {
        XmlElement form = XmlElement.builder("x", "jabber:x:data").attribute("type", "submit")
                .child(field("FORM_TYPE", MUC + "#roomconfig"))
                .child(field("muc#roomconfig_maxusers", Integer.toString(occupants))).build();
        return XmlElement.builder("iq", StanzaCorpus.CONTENT_NAMESPACE).attribute("from", owner.toString())
                .attribute("to", ROOM.toString()).attribute("type", "set").attribute("id", "configure")
                .child(XmlElement.builder("query", MUC + "#owner").child(form).build()).build();
    }

    private static XmlElement field(String var, String value) {
        return XmlElement.builder("field", "jabber:x:data").attribute("var", var).textChild("value", value).build();
    }

    private static Stanza[] groupchatMessages(Jid sender) throws StreamErrorException, StanzaException {
        List<XmlElement> corpus = XmlWriteBenchmark.parse().subList(0, VARIANTS);
        Stanza[] messages = new Stanza[VARIANTS];
        for (int i = 0; i < VARIANTS; i++) {
            messages[i] = Stanza.of(corpus.get(i).withAttribute("to", ROOM.toString())
                    .withAttribute("type", "groupchat").withAttribute("from", sender.toString()));
        }
        return messages;
    }

    private static Stanza stanza(XmlElement element) {
        try {
            return Stanza.of(element);
        } catch (StanzaException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
