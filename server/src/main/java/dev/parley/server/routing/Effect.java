package dev.parley.server.routing;

import dev.parley.server.session.ClientSession;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;
import java.util.Objects;

/**
 * Something the IM logic asks the router to do, in order: route a stanza the server generated, or hand one straight to
 * a local session. Handlers return effects instead of sending, so the order of
 * a flow (route the approval, push the roster, then send presence: RFC 6121 §3.1.5) is data that tests can read, and
 * the logic needs no network.
 */
public sealed interface Effect {
    /** Route {@code stanza} (its 'from' is set) as if it came from its sender. */
    record Route(Stanza stanza) implements Effect {
        public Route {
            Objects.requireNonNull(stanza, "stanza");
            if (stanza.from() == null) {
                throw new IllegalArgumentException("a routed stanza needs a 'from': " + stanza);
            }
        }
    }

    /**
     * Hand {@code stanza} to {@code session} without routing it again: inbound subscription stanzas and roster pushes,
     * which routing would otherwise process a second time.
     */
    record Deliver(ClientSession session, Stanza stanza) implements Effect {
        public Deliver {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(stanza, "stanza");
        }
    }

    static Effect route(Stanza stanza) {
        return new Route(stanza);
    }

    /** Routes a stanza the server built. */
    static Effect route(XmlElement element) {
        return new Route(generated(element));
    }

    static Effect deliver(ClientSession session, Stanza stanza) {
        return new Deliver(session, stanza);
    }

    /** Delivers a stanza the server built. */
    static Effect deliver(ClientSession session, XmlElement element) {
        return new Deliver(session, generated(element));
    }

    /** The view of an element the server built; invalid means a bug, not bad input. */
    static Stanza generated(XmlElement element) {
        try {
            return Stanza.of(element);
        } catch (StanzaException e) {
            throw new IllegalStateException("the server built an invalid stanza: " + e.getMessage(), e);
        }
    }
}
