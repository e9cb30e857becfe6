package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.SessionEvents;
import dev.parley.load.client.XmppSession;
import dev.parley.load.report.Results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full logins: TCP connect, STARTTLS with a full TLS handshake (the tool keeps no TLS sessions), SASL (SCRAM-SHA-256
 * unless told otherwise), resource binding, then the stream is closed. A warm-up round logs every account in once,
 * unmeasured, so that the client's salted passwords are known and the measured logins cost the client little.
 * Reports logins per second, login latency, and the server's CPU time per login (its share of teardown included).
 */
public final class LoginScenario {
    /**
     * @param accounts    accounts cycled through, over all shards
     * @param logins      measured logins, over all shards
     * @param concurrency logins in flight at once in this process
     */
    public record Settings(int accounts, int logins, int concurrency, Duration limit) {
    }

    private LoginScenario() {
    }

    public static ObjectNode run(RunSettings run, Settings settings) throws InterruptedException {
        Shard shard = run.shard();
        List<String> usernames = new ArrayList<>();
        for (int i = shard.from(settings.accounts()); i < shard.to(settings.accounts()); i++) {
            usernames.add(run.username(run.firstAccount() + i));
        }
        ObjectNode line = Results.start("logins", run.label(), run.client().transport().description());
        line.putObject("params").put("accounts", settings.accounts()).put("logins", settings.logins())
                .put("concurrency", settings.concurrency()).put("shard", shard.index() + "/" + shard.count());
        if (usernames.isEmpty()) {
            return Results.unsupported("logins", run.label(), "this shard has no accounts");
        }
        SessionOpener warmUp = SessionOpener.open(run, usernames, "warm", XmppSession.Goal.BOUND, SessionEvents.NONE);
        warmUp.closeAll(Duration.ofSeconds(10));
        line.put("warmUpFailures", warmUp.failures());
        Repetitions logins = new Repetitions(run.client().transport(), shard.size(settings.logins()));
        AtomicInteger next = new AtomicInteger();
        Set<String> mechanisms = ConcurrentHashMap.newKeySet();
        Runnable worker = new Runnable() {
            @Override
            public void run() {
                if (!logins.claim()) {
                    return;
                }
                String username = usernames.get(Math.floorMod(next.getAndIncrement(), usernames.size()));
                XmppSession.open(run.client(), username, "login", XmppSession.Goal.BOUND, new SessionEvents() {
                    @Override
                    public void ready(XmppSession session) {
                        mechanisms.add(session.mechanism());
                        logins.succeeded(session, session.setupNanos());
                        session.close();
                        run();
                    }

                    @Override
                    public void ended(XmppSession session, String problem) {
                        if (!session.wasReady()) {
                            logins.failed(problem);
                            run();
                        }
                    }
                });
            }
        };
        logins.run(run, settings.concurrency(), worker, settings.limit(), line);
        line.put("mechanisms", String.join(" ", new TreeSet<>(mechanisms)));
        Results.derive(line);
        return line;
    }
}
