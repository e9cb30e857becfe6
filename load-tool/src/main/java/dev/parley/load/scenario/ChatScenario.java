package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.XmppSession;
import dev.parley.load.report.Results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One-to-one chat: pairs of available sessions send each other {@code type='chat'} messages to their full JIDs at a
 * fixed offered rate (or at rates stepped up until the server no longer keeps up). Reports delivered messages per
 * second, delivery latency, messages lost by sequence number, and the server's CPU time per delivered message.
 */
public final class ChatScenario {
    /** A step counts as saturated when less than this share of the offered messages was delivered in its window. */
    static final double SATURATED_BELOW = 0.9;

    /**
     * @param pairs    pairs over all shards; pair {@code p} is accounts {@code first + 2p} and {@code first + 2p + 1}
     * @param rate     messages per second offered over all shards (the first step's rate when stepping up)
     * @param stepUp   null for a fixed rate
     */
    public record Settings(int pairs, double rate, Duration warmup, Duration duration, StepUp stepUp,
                           Duration drain) {
    }

    /** Rates {@code rate × factor^i} for at most {@code steps} steps of {@code stepLength} each. */
    public record StepUp(double factor, int steps, Duration stepLength) {
    }

    private ChatScenario() {
    }

    public static ObjectNode run(RunSettings run, Settings settings) throws InterruptedException {
        Shard shard = run.shard();
        int from = shard.from(settings.pairs());
        int pairs = shard.size(settings.pairs());
        List<String> usernames = new ArrayList<>();
        for (int p = from; p < from + pairs; p++) {
            usernames.add(run.username(run.firstAccount() + 2 * p));
            usernames.add(run.username(run.firstAccount() + 2 * p + 1));
        }
        Traffic traffic = new Traffic(run.client().transport());
        ObjectNode line = Results.start("chat", run.label(), run.client().transport().description());
        line.putObject("params").put("pairs", settings.pairs()).put("rate", settings.rate())
                .put("shard", shard.index() + "/" + shard.count());
        SessionOpener opener = SessionOpener.open(run, usernames, "chat", XmppSession.Goal.AVAILABLE, traffic);
        int readyPairs = 0;
        for (int i = 0; i < pairs; i++) {
            XmppSession a = opener.session(2 * i);
            XmppSession b = opener.session(2 * i + 1);
            if (a != null && b != null) {
                traffic.addSender(a, b.jid(), "chat", run.firstAccount() + 2 * (from + i), 1);
                traffic.addSender(b, a.jid(), "chat", run.firstAccount() + 2 * (from + i) + 1, 1);
                traffic.addReceiver(a);
                traffic.addReceiver(b);
                readyPairs++;
            }
        }
        double share = settings.pairs() == 0 ? 0 : settings.rate() * pairs / settings.pairs();
        line.put("sessions", opener.readySessions().size()).put("failures", opener.failures());
        if (readyPairs > 0) {
            if (settings.stepUp() == null) {
                traffic.runFixedRate(run, share, settings.warmup(), settings.duration(), line);
            } else {
                traffic.start(share);
                stepUp(run, settings, traffic, share, line);
            }
            traffic.finish(settings.drain(), line);
        }
        line.put("dropped", opener.dropped());
        line.putPOJO("problems", opener.reasons());
        opener.closeAll(Duration.ofSeconds(10));
        Results.derive(line);
        return line;
    }

    private static void stepUp(RunSettings run, Settings settings, Traffic traffic, double firstRate, ObjectNode line)
            throws InterruptedException {
        Thread.sleep(settings.warmup().toMillis());
        var steps = line.putArray("steps");
        double rate = firstRate;
        for (int i = 0; i < settings.stepUp().steps(); i++) {
            traffic.rate(rate);
            // The first second at a new rate fills queues; the window measures the steady state after it.
            Thread.sleep(Math.min(1000, settings.stepUp().stepLength().toMillis() / 4));
            ObjectNode step = steps.addObject().put("offeredPerSecond", rate);
            traffic.measure(run, settings.stepUp().stepLength(), step);
            double delivered = step.get("completed").asLong() / step.get("windowSeconds").asDouble();
            if (delivered < SATURATED_BELOW * rate) {
                break;
            }
            rate *= settings.stepUp().factor();
        }
    }
}
