package dev.parley.load.scenario;

import dev.parley.load.client.SessionEvents;
import dev.parley.load.client.XmppSession;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Opens many sessions with at most a fixed number negotiating at once (a burst of thousands of TLS handshakes measures
 * the accept queue, not the server), waits for them within a time limit, and keeps count of failures and their reasons.
 * Stanzas and ends of ready sessions go on to the scenario's own {@link SessionEvents}.
 */
public final class SessionOpener {
    private final RunSettings run;
    private final List<String> usernames;
    private final String resourcePrefix;
    private final XmppSession.Goal goal;
    private final SessionEvents traffic;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReferenceArray<XmppSession> ready;
    private final CountDownLatch settled;
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();

    private SessionOpener(RunSettings run, List<String> usernames, String resourcePrefix, XmppSession.Goal goal,
                          SessionEvents traffic) {
        this.run = run;
        this.usernames = List.copyOf(usernames);
        this.resourcePrefix = resourcePrefix;
        this.goal = goal;
        this.traffic = traffic;
        this.ready = new AtomicReferenceArray<>(usernames.size());
        this.settled = new CountDownLatch(usernames.size());
    }

    /** Opens a session for each of {@code usernames} and returns once all are ready or failed, or time is up. */
    public static SessionOpener open(RunSettings run, List<String> usernames, String resourcePrefix,
                                     XmppSession.Goal goal, SessionEvents traffic) throws InterruptedException {
        SessionOpener opener = new SessionOpener(run, usernames, resourcePrefix, goal, traffic);
        for (int i = 0; i < Math.min(run.connectConcurrency(), usernames.size()); i++) {
            opener.launch();
        }
        opener.settled.await(run.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return opener;
    }

    private void launch() {
        int index = next.getAndIncrement();
        if (index >= usernames.size()) {
            return;
        }
        XmppSession.open(run.client(), usernames.get(index), resourcePrefix + index, goal, new Events(index));
    }

    /** The ready sessions by position in the username list; null where a session failed or is not ready yet. */
    public XmppSession session(int index) {
        return ready.get(index);
    }

    public List<XmppSession> readySessions() {
        List<XmppSession> sessions = new ArrayList<>();
        for (int i = 0; i < ready.length(); i++) {
            if (ready.get(i) != null) {
                sessions.add(ready.get(i));
            }
        }
        return sessions;
    }

    /** Sessions that never became ready (including those still negotiating when time ran out). */
    public int failures() {
        return usernames.size() - readySessions().size();
    }

    /** Ready sessions that ended without the tool closing them. */
    public int dropped() {
        return dropped.get();
    }

    /** Why sessions failed or dropped, most frequent first; a few entries at most. */
    public Map<String, Integer> reasons() {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        reasons.entrySet().stream().sorted((a, b) -> b.getValue().get() - a.getValue().get()).limit(5)
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue().get()));
        return sorted;
    }

    /** Closes every ready session and waits (within {@code limit}) for their connections to end. */
    public void closeAll(Duration limit) throws InterruptedException {
        List<XmppSession> sessions = readySessions();
        int target = sessions.size();
        sessions.forEach(session -> session.eventLoop().execute(session::close));
        long deadline = System.nanoTime() + limit.toNanos();
        while (ended.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void count(String problem) {
        String reason = problem.length() > 120 ? problem.substring(0, 120) : problem;
        reasons.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    }

    private final class Events implements SessionEvents {
        private final int index;

        Events(int index) {
            this.index = index;
        }

        @Override
        public void ready(XmppSession session) {
            ready.set(index, session);
            settled.countDown();
            traffic.ready(session);
            launch();
        }

        @Override
        public void stanza(XmppSession session, XmlElement stanza) {
            traffic.stanza(session, stanza);
        }

        @Override
        public void ended(XmppSession session, String problem) {
            if (!session.wasReady()) {
                count(problem == null ? "closed before ready" : problem);
                settled.countDown();
                launch();
                return;
            }
            ended.incrementAndGet();
            if (problem != null) {
                dropped.incrementAndGet();
                count(problem);
            }
            traffic.ended(session, problem);
        }
    }
}
