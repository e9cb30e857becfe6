package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.SessionEvents;
import dev.parley.load.client.Stanzas;
import dev.parley.load.client.XmppSession;
import dev.parley.load.report.Results;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group chat fan-out (XEP-0045): rooms of K occupants, each occupant sending {@code groupchat} messages that the room
 * reflects to every occupant, itself included (§7.4). Reports deliveries per second, delivery latency, lost deliveries
 * and the server's CPU time per delivery. A server without a MUC service at the given address gets a "not supported"
 * line, decided by service discovery (XEP-0030) of that address.
 */
public final class MucScenario {
    private static final String MUC_USER = Stanzas.MUC + "#user";

    /**
     * @param rooms     rooms over all shards; occupant {@code k} of room {@code r} is account {@code first + r*K + k}
     * @param occupants K, occupants per room
     * @param service   the MUC service's address, e.g. {@code conference.example.org}
     * @param rate      groupchat messages per second offered over all shards (deliveries are K times as many)
     */
    public record Settings(int rooms, int occupants, String service, double rate, Duration warmup, Duration duration,
                           Duration drain) {
    }

    private MucScenario() {
    }

    public static ObjectNode run(RunSettings run, Settings settings) throws InterruptedException {
        Shard shard = run.shard();
        int from = shard.from(settings.rooms());
        int rooms = shard.size(settings.rooms());
        int k = settings.occupants();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < rooms * k; i++) {
            usernames.add(run.username(run.firstAccount() + from * k + i));
        }
        Traffic traffic = new Traffic(run.client().transport());
        StanzaWaiter waiter = new StanzaWaiter();
        SessionEvents events = new SessionEvents() {
            @Override
            public void ready(XmppSession session) {
                traffic.ready(session);
            }

            @Override
            public void stanza(XmppSession session, XmlElement stanza) {
                if (!stanza.name().equals("message")) {
                    waiter.offer(session, stanza);
                } else {
                    traffic.stanza(session, stanza);
                }
            }

            @Override
            public void ended(XmppSession session, String problem) {
            }
        };
        SessionOpener opener = SessionOpener.open(run, usernames, "muc", XmppSession.Goal.AVAILABLE, events);
        List<XmppSession> ready = opener.readySessions();
        String unsupported = ready.isEmpty() ? "no session could be opened: " + opener.reasons()
                : probe(ready.get(0), settings.service(), waiter);
        if (unsupported != null) {
            opener.closeAll(Duration.ofSeconds(10));
            return Results.unsupported("muc", run.label(), unsupported);
        }
        ObjectNode line = Results.start("muc", run.label(), run.client().transport().description());
        line.putObject("params").put("rooms", settings.rooms()).put("occupants", k).put("rate", settings.rate())
                .put("shard", shard.index() + "/" + shard.count());
        String tag = Long.toString(System.currentTimeMillis(), 36);
        List<CompletableFuture<List<XmppSession>>> joins = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            List<XmppSession> members = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                members.add(opener.session(r * k + i));
            }
            String room = "load-" + tag + "-" + (from + r) + "@" + settings.service();
            joins.add(RoomJoin.join(room, members, waiter));
        }
        int joined = 0;
        for (int r = 0; r < rooms; r++) {
            List<XmppSession> occupants = await(joins.get(r), run.setupTimeout());
            String room = "load-" + tag + "-" + (from + r) + "@" + settings.service();
            for (XmppSession occupant : occupants) {
                traffic.addSender(occupant, room, "groupchat", accountOf(occupant, run), occupants.size());
                traffic.addReceiver(occupant);
            }
            joined += occupants.size();
        }
        line.put("sessions", joined).put("failures", rooms * k - joined);
        double share = settings.rooms() == 0 ? 0 : settings.rate() * rooms / settings.rooms();
        if (joined > 0) {
            traffic.runFixedRate(run, share, settings.warmup(), settings.duration(), line);
            traffic.finish(settings.drain(), line);
        }
        line.put("dropped", opener.dropped());
        line.putPOJO("problems", opener.reasons());
        opener.closeAll(Duration.ofSeconds(10));
        Results.derive(line);
        return line;
    }

    /** Null when {@code service} answers disco#info as a MUC service; otherwise why not. */
    private static String probe(XmppSession session, String service, StanzaWaiter waiter) throws InterruptedException {
        CompletableFuture<XmlElement> answer = waiter.expect(session,
                stanza -> stanza.name().equals("iq") && "muc-probe".equals(stanza.attribute("id")));
        session.post(Stanzas.discoInfo(service, "muc-probe"));
        try {
            XmlElement iq = answer.get(10, TimeUnit.SECONDS);
            if (!"result".equals(iq.attribute("type"))) {
                String condition = iq.elements().filter(e -> e.name().equals("error")).findFirst()
                        .flatMap(XmlElement::firstChild).map(XmlElement::name).orElse("an error");
                return "no MUC service at " + service + " (disco#info answered " + condition + ")";
            }
            boolean muc = iq.elements().flatMap(XmlElement::elements)
                    .anyMatch(e -> e.name().equals("feature") && Stanzas.MUC.equals(e.attribute("var")));
            return muc ? null : service + " does not announce " + Stanzas.MUC;
        } catch (ExecutionException | TimeoutException e) {
            return "no answer from " + service + " to disco#info";
        }
    }

    private static List<XmppSession> await(CompletableFuture<List<XmppSession>> join, Duration limit)
            throws InterruptedException {
        try {
            return join.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    private static int accountOf(XmppSession session, RunSettings run) {
        return Integer.parseInt(session.username().substring(run.prefix().length()));
    }

    static boolean isSelfPresence(XmlElement presence, String occupantJid) {
        return presence.name().equals("presence") && occupantJid.equals(presence.attribute("from"))
                && ("error".equals(presence.attribute("type")) || statusCodes(presence).contains("110"));
    }

    static List<String> statusCodes(XmlElement presence) {
        return presence.elements("x", MUC_USER).flatMap(x -> x.elements("status", MUC_USER))
                .map(status -> status.attribute("code")).toList();
    }
}
