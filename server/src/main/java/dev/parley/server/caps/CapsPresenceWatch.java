package dev.parley.server.caps;

import dev.parley.server.routing.Effect;
import dev.parley.server.routing.PresenceHandling;
import dev.parley.server.session.ClientSession;
import dev.parley.xmpp.stanza.Presence;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Presence handling as before, with {@link CapsService} shown each presence a client sends (XEP-0115 §6.1: caps travel
 * in presence broadcasts). Wrapping the presence service keeps caps out of both the router and the RFC 6121 logic.
 */
final class CapsPresenceWatch implements PresenceHandling {
    private final CapsService caps;
    private final PresenceHandling presence;

    CapsPresenceWatch(CapsService caps, PresenceHandling presence) {
        this.caps = caps;
        this.presence = presence;
    }

    @Override
    public CompletionStage<List<Effect>> fromClient(ClientSession session, Presence sent) {
        caps.presenceSent(session.jid(), sent);
        return presence.fromClient(session, sent);
    }

    @Override
    public CompletionStage<List<Effect>> inboundSubscription(Presence subscription) {
        return presence.inboundSubscription(subscription);
    }

    @Override
    public CompletionStage<List<Effect>> probe(Presence probe) {
        return presence.probe(probe);
    }

    @Override
    public CompletionStage<List<Effect>> ended(ClientSession session) {
        return presence.ended(session);
    }
}
