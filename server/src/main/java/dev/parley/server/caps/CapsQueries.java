package dev.parley.server.caps;

import dev.parley.server.routing.PendingRequests;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Stanza;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The disco#info query of XEP-0115 §6.2: from the server of the client's domain to the client's full JID, on the node
 * made of the caps node and 'ver'. It goes straight to the bound session that announced the caps, which is what routing
 * an IQ to a connected full JID does; the reply comes back through routing to {@link PendingRequests}.
 */
final class CapsQueries {
    private static final CompletableFuture<Void> SENT = CompletableFuture.completedFuture(null);

    private final SessionRegistry sessions;
    private final PendingRequests requests;
    private final Duration timeout;

    CapsQueries(SessionRegistry sessions, PendingRequests requests, Duration timeout) {
        this.sessions = sessions;
        this.requests = requests;
        this.timeout = timeout;
    }

    /** Asks {@code client} what {@code caps} stand for; completes with its reply, of type result or error. */
    CompletableFuture<Iq> ask(Jid client, Caps caps) {
        XmlElement query = XmlElement.builder("iq", Namespaces.CLIENT)
                .attribute("from", client.domainJid().toString())
                .attribute("to", client.toString())
                .attribute("id", "caps") // replaced by an unpredictable one
                .attribute("type", Iq.Type.GET.value())
                .child(XmlElement.builder("query", Namespaces.DISCO_INFO).attribute("node", caps.discoNode()).build())
                .build();
        try {
            return requests.request((Iq) Stanza.of(query), timeout, this::deliver);
        } catch (StanzaException e) {
            // The caps node comes from the client but only ever fills an attribute, so this cannot happen.
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The disco#info answer in a reply, if it is a result carrying one. */
    static Optional<XmlElement> discoInfo(Iq reply) {
        XmlElement payload = reply.payload();
        return reply.type() == Iq.Type.RESULT && payload != null && payload.is("query", Namespaces.DISCO_INFO)
                ? Optional.of(payload) : Optional.empty();
    }

    private CompletionStage<Void> deliver(Iq query) {
        Optional<ClientSession> session = sessions.session(query.to());
        if (session.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(query.to() + " is not bound"));
        }
        session.get().deliver(query);
        return SENT;
    }
}
