package dev.parley.load.scenario;

import dev.parley.load.client.XmppSession;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Futures for stanzas a session expects (an IQ result, a presence from a room), completed as they arrive. */
final class StanzaWaiter {
    private record Expectation(Predicate<XmlElement> matches, CompletableFuture<XmlElement> future) {
    }

    private final Map<XmppSession, List<Expectation>> waiting = new IdentityHashMap<>();

    /** The next stanza to {@code session} matching {@code matches}; register before sending what it answers. */
    synchronized CompletableFuture<XmlElement> expect(XmppSession session, Predicate<XmlElement> matches) {
        CompletableFuture<XmlElement> future = new CompletableFuture<>();
        waiting.computeIfAbsent(session, s -> new ArrayList<>()).add(new Expectation(matches, future));
        return future;
    }

    /** Completes the first expectation {@code stanza} matches; true when one did. */
    synchronized boolean offer(XmppSession session, XmlElement stanza) {
        List<Expectation> expectations = waiting.get(session);
        if (expectations == null) {
            return false;
        }
        for (Iterator<Expectation> it = expectations.iterator(); it.hasNext(); ) {
            Expectation expectation = it.next();
            if (expectation.matches().test(stanza)) {
                it.remove();
                if (expectations.isEmpty()) {
                    waiting.remove(session);
                }
                expectation.future().complete(stanza);
                return true;
            }
        }
        return false;
    }
}
