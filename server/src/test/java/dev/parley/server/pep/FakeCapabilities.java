package dev.parley.server.pep;

import dev.parley.server.api.EntityCapabilities;
import dev.parley.xmpp.jid.Jid;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Entity capabilities a test announces for its clients, until the caps service (XEP-0115) exists. */
final class FakeCapabilities implements EntityCapabilities {
    private final Map<Jid, Set<String>> features = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** As if {@code fullJid} had announced caps whose disco#info lists {@code announced}. */
    void announce(String fullJid, String... announced) {
        Jid jid = Jid.parse(fullJid);
        features.put(jid, Set.of(announced));
        listeners.forEach(listener -> listener.featuresKnown(jid, Set.of(announced)));
    }

    @Override
    public Set<String> features(Jid fullJid) {
        return features.getOrDefault(fullJid, Set.of());
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }
}
