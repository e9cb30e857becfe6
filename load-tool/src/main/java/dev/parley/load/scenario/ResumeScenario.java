package dev.parley.load.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.client.SessionEvents;
import dev.parley.load.client.XmppSession;
import dev.parley.load.report.Results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stream resumption (XEP-0198 §5): sessions with resumption enabled drop their connection, reconnect, authenticate and
 * resume instead of binding, over and over. Reports resumptions per second, their latency (connect to
 * {@code <resumed/>}), and the server's CPU time per resumption. A server that offers no stream management gets a
 * "not supported" line.
 */
public final class ResumeScenario {
    /**
     * @param sessions    sessions resumed in turn, over all shards (accounts {@code first + i})
     * @param resumptions measured resumptions, over all shards
     */
    public record Settings(int sessions, int resumptions, Duration limit) {
    }

    private ResumeScenario() {
    }

    public static ObjectNode run(RunSettings run, Settings settings) throws InterruptedException {
        Shard shard = run.shard();
        List<String> usernames = new ArrayList<>();
        for (int i = shard.from(settings.sessions()); i < shard.to(settings.sessions()); i++) {
            usernames.add(run.username(run.firstAccount() + i));
        }
        SessionOpener opener = SessionOpener.open(run, usernames, "resume", XmppSession.Goal.RESUMABLE,
                SessionEvents.NONE);
        List<XmppSession> sessions = opener.readySessions();
        if (sessions.isEmpty()) {
            String reason = opener.reasons().keySet().stream().findFirst().orElse("no session could be opened");
            return Results.unsupported("resume", run.label(), reason);
        }
        ObjectNode line = Results.start("resume", run.label(), run.client().transport().description());
        line.putObject("params").put("sessions", settings.sessions()).put("resumptions", settings.resumptions())
                .put("shard", shard.index() + "/" + shard.count());
        line.put("sessions", sessions.size());
        Repetitions resumptions = new Repetitions(run.client().transport(), shard.size(settings.resumptions()));
        List<XmppSession> current = new ArrayList<>(sessions);
        resumptions.run(run, sessions.size(), new Runnable() {
            private int nextWorker;

            @Override
            public void run() {
                int worker = nextWorker++;
                XmppSession first = current.get(worker);
                first.eventLoop().execute(() -> cycle(first));
            }

            private void cycle(XmppSession previous) {
                if (!resumptions.claim()) {
                    previous.close();
                    return;
                }
                previous.abort();
                XmppSession.resume(previous, new SessionEvents() {
                    @Override
                    public void ready(XmppSession session) {
                        resumptions.succeeded(session, session.setupNanos());
                        cycle(session);
                    }

                    @Override
                    public void ended(XmppSession session, String problem) {
                        if (!session.wasReady()) {
                            resumptions.failed(problem);
                            restart(previous.username());
                        }
                    }
                });
            }

            /** After a refused resumption the worker needs a new resumable session; if that fails too, it stops. */
            private void restart(String username) {
                XmppSession.open(run.client(), username, "resume", XmppSession.Goal.RESUMABLE, new SessionEvents() {
                    @Override
                    public void ready(XmppSession session) {
                        cycle(session);
                    }

                    @Override
                    public void ended(XmppSession session, String problem) {
                    }
                });
            }
        }, settings.limit(), line);
        opener.closeAll(Duration.ofSeconds(5));
        Results.derive(line);
        return line;
    }
}
