package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.SessionEvents;
import dev.parley.load.client.XmppSession;
import dev.parley.load.report.Results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle sessions: N authenticated, bound, available sessions over TLS that then say nothing. Reports the server's
 * resident memory before and after (hence bytes per session), and the time and server CPU it took to set them up.
 */
public final class IdleScenario {
    /**
     * @param sessions over all shards; session {@code i} is account {@code first + i}
     * @param settle   how long the sessions stay idle before memory is read (lets the server's buffers settle)
     */
    public record Settings(int sessions, Duration settle) {
    }

    private IdleScenario() {
    }

    public static ObjectNode run(RunSettings run, Settings settings) throws InterruptedException {
        Shard shard = run.shard();
        List<String> usernames = new ArrayList<>();
        for (int i = shard.from(settings.sessions()); i < shard.to(settings.sessions()); i++) {
            usernames.add(run.username(run.firstAccount() + i));
        }
        ObjectNode line = Results.start("idle", run.label(), run.client().transport().description());
        line.putObject("params").put("sessions", settings.sessions()).put("shard", shard.index() + "/" + shard.count());
        long rssBefore = run.serverRssBytes();
        double serverCpu = run.serverCpuSeconds();
        double toolCpu = RunSettings.toolCpuSeconds();
        long start = System.nanoTime();
        SessionOpener opener = SessionOpener.open(run, usernames, "idle", XmppSession.Goal.AVAILABLE, SessionEvents.NONE);
        line.put("windowSeconds", (System.nanoTime() - start) / 1e9);
        if (!Double.isNaN(serverCpu)) {
            line.put("serverCpuSeconds", run.serverCpuSeconds() - serverCpu);
        }
        line.put("clientCpuSeconds", RunSettings.toolCpuSeconds() - toolCpu);
        Thread.sleep(settings.settle().toMillis());
        int ready = opener.readySessions().size();
        line.put("sessions", ready).put("completed", ready).put("failures", opener.failures());
        if (rssBefore >= 0) {
            line.put("rssBeforeBytes", rssBefore).put("rssAfterBytes", run.serverRssBytes());
        }
        line.put("dropped", opener.dropped());
        line.putPOJO("problems", opener.reasons());
        opener.closeAll(Duration.ofSeconds(30));
        Results.derive(line);
        return line;
    }
}
