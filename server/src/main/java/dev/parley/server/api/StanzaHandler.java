package dev.parley.server.api;

import dev.parley.xmpp.stanza.Stanza;

import java.util.concurrent.CompletionStage;

/**
 * Takes every stanza addressed to a hosted service domain (say {@code conference.example.com}) or to any JID at it,
 * such as a XEP-0045 room or occupant. The stanza's 'from' is stamped. The stage completes when the stanza was
 * handled (delivered onwards, answered or refused), as a router stage must; it must not block the calling thread.
 */
@FunctionalInterface
public interface StanzaHandler {
    CompletionStage<Void> handle(Stanza stanza);
}
