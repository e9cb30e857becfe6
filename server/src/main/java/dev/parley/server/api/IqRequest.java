package dev.parley.server.api;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;

/**
 * An IQ request as a handler sees it.
 *
 * @param iq        the request, with 'from' already stamped for authenticated senders
 * @param requester the sender's full JID, or null on a stream that has not authenticated yet (pre-auth registration)
 * @param target    the address the request is for: a hosted domain ({@link IqScope#SERVER}) or an account's bare JID
 */
public record IqRequest(Iq iq, Jid requester, Jid target) {
    public boolean authenticated() {
        return requester != null;
    }
}
