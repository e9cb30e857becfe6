package dev.parley.server.api;

import dev.parley.xmpp.jid.Jid;

import java.util.Set;

/**
 * What the server knows of each bound client's features from its entity capabilities (XEP-0115): a client announces a
 * verification string in presence, the server learns the feature set behind it once (disco#info) and caches it by that
 * string. PEP (XEP-0163 §4) uses it for {@code +notify} interest.
 */
public interface EntityCapabilities {
    /** Knows nothing: every client has no features. Used until a caps service is installed. */
    EntityCapabilities NONE = new EntityCapabilities() {
        @Override
        public Set<String> features(Jid fullJid) {
            return Set.of();
        }

        @Override
        public void addListener(Listener listener) {
        }
    };

    /** The features of a bound client, by its full JID; empty while unknown or when it announced no caps. */
    Set<String> features(Jid fullJid);

    /** Tells {@code listener} each time a bound client's feature set becomes known or changes. */
    void addListener(Listener listener);

    @FunctionalInterface
    interface Listener {
        /** Called on any thread; must not block. */
        void featuresKnown(Jid fullJid, Set<String> features);
    }
}
