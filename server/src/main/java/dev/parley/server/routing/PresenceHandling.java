package dev.parley.server.routing;

import dev.parley.server.session.ClientSession;
import dev.parley.xmpp.stanza.Presence;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The presence side of RFC 6121 (§3, §4) as routing uses it; the roster package implements it. */
public interface PresenceHandling {
    /** A presence stanza a bound client sent ('from' stamped): broadcast, directed presence, subscription, probe. */
    CompletionStage<List<Effect>> fromClient(ClientSession session, Presence presence);

    /** A subscription stanza for an account of this server (RFC 6121 §3, the contact's side of Appendix A). */
    CompletionStage<List<Effect>> inboundSubscription(Presence presence);

    /** A presence probe for an existing account of this server (RFC 6121 §4.3.2). */
    CompletionStage<List<Effect>> probe(Presence probe);

    /** A bound session ended, however it ended (RFC 6121 §4.5.2: unavailable presence on its behalf). */
    CompletionStage<List<Effect>> ended(ClientSession session);
}
