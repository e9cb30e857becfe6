package dev.parley.server.routing;

import dev.parley.server.api.DiscoNode;
import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqScope;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The IQ handlers and disco features modules registered, per {@link IqScope}. Features are derived from registrations
 * (XEP-0030 §3.1: a server advertises what it actually answers), so they cannot drift from what is implemented.
 */
public final class IqHandlers {
    private record Key(String element, String namespace) {
    }

    private final Map<IqScope, Map<Key, IqHandler>> handlers = new EnumMap<>(IqScope.class);
    private final Map<Key, IqHandler> preAuth = new ConcurrentHashMap<>();
    private final Map<IqScope, Set<String>> features = new EnumMap<>(IqScope.class);
    private final List<XmlElement> preAuthStreamFeatures = new CopyOnWriteArrayList<>();
    private final Map<String, DiscoNode> discoNodes = new ConcurrentHashMap<>();

    public IqHandlers() {
        for (IqScope scope : IqScope.values()) {
            handlers.put(scope, new ConcurrentHashMap<>());
            features.put(scope, Collections.synchronizedSet(new LinkedHashSet<>()));
        }
    }

    public void register(IqScope scope, String element, String namespace, IqHandler handler, String... advertised) {
        if (handlers.get(scope).putIfAbsent(new Key(element, namespace), handler) != null) {
            throw new IllegalStateException("two handlers for " + scope + " " + element + " " + namespace);
        }
        addFeatures(scope, advertised);
    }

    public void registerPreAuth(String element, String namespace, IqHandler handler, String... advertised) {
        register(IqScope.SERVER, element, namespace, handler, advertised);
        preAuth.put(new Key(element, namespace), handler);
    }

    public void addFeatures(IqScope scope, String... advertised) {
        features.get(scope).addAll(List.of(advertised));
    }

    public void addPreAuthStreamFeature(XmlElement feature) {
        preAuthStreamFeatures.add(feature);
    }

    public Optional<IqHandler> handler(IqScope scope, XmlElement payload) {
        return Optional.ofNullable(handlers.get(scope).get(new Key(payload.name(), payload.namespace())));
    }

    public Optional<IqHandler> preAuthHandler(XmlElement payload) {
        return Optional.ofNullable(preAuth.get(new Key(payload.name(), payload.namespace())));
    }

    /** The disco#info features of a scope, in registration order. */
    public List<String> features(IqScope scope) {
        synchronized (features.get(scope)) {
            return List.copyOf(features.get(scope));
        }
    }

    public void addDiscoNode(String node, DiscoNode discoNode) {
        if (discoNodes.putIfAbsent(node, discoNode) != null) {
            throw new IllegalStateException("two providers for disco node " + node);
        }
    }

    public Optional<DiscoNode> discoNode(String node) {
        return Optional.ofNullable(discoNodes.get(node));
    }

    public List<XmlElement> preAuthStreamFeatures() {
        return List.copyOf(preAuthStreamFeatures);
    }
}
