package dev.parley.server.caps;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.xml.XmlElement;

import java.util.Locale;
import java.util.Optional;

/**
 * The entity capabilities annotation of a presence (XEP-0115 §4): {@code <c xmlns='http://jabber.org/protocol/caps'
 * hash node ver/>}. {@code hash} is null in the legacy format (XEP-0115 §13), where 'ver' is no verification string.
 */
record Caps(String hash, String node, String ver) {
    /** What a verification string stands for: the same hash and 'ver' mean the same features, whoever announces them. */
    record Version(String hash, String ver) {
    }

    /** The annotation of {@code presence}; empty when it has none or it lacks the REQUIRED 'node' or 'ver'. */
    static Optional<Caps> of(Presence presence) {
        Optional<XmlElement> c = presence.element().child("c", Namespaces.CAPS);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        String node = c.get().attribute("node");
        String ver = c.get().attribute("ver");
        if (node == null || ver == null || node.isEmpty() || ver.isEmpty()) {
            return Optional.empty();
        }
        String hash = c.get().attribute("hash");
        // Hash function names are registered in lower case (IANA Hash Function Textual Names).
        return Optional.of(new Caps(hash == null ? null : hash.toLowerCase(Locale.ROOT), node, ver));
    }

    boolean legacy() {
        return hash == null;
    }

    Version version() {
        return new Version(hash, ver);
    }

    /** The disco node to ask (XEP-0115 §6.2): the caps node, '#', the verification string. */
    String discoNode() {
        return node + "#" + ver;
    }
}
