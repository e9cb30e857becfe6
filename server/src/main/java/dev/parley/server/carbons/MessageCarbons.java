package dev.parley.server.carbons;

import dev.parley.server.api.IqScope;
import dev.parley.server.api.SessionListener;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message Carbons (XEP-0280): every carbons-enabled client of an account sees both sides of its conversations.
 *
 * <p>Which clients enabled carbons (§4, §5) is kept per bound session and forgotten when the session ends. The router
 * calls {@link #copySent} for each message a client sends once it sends it on (§8: copies to the account's other
 * enabled clients, never the sender), after the message's archive entries are durable and with the sender's
 * {@code <stanza-id/>} in the forwarded message (XEP-0313 §5.1.1: servers "SHOULD include the element as a child of
 * the forwarded message when using XEP-0280"), and {@link #copyReceived} once a message for an account was delivered
 * to its resources (§7: copies to the enabled clients that did not get it). A message that went to offline storage reached no client and is not
 * copied. A message between two resources of one account is copied only as received, so that no client gets it twice.
 *
 * <p>{@code <private/>} is left in the message: version 0.14 of the XEP lifted the requirement to remove it, as
 * removing it let a sender silently change how a message is delivered (§9, interoperability note).
 *
 * <p>Clients must ignore a carbon that is not from their own bare JID (§11); the server makes sure that every carbon a
 * client receives from its bare JID is one the server made, by refusing messages from clients that carry a wrapper
 * ({@link #forgery}).
 */
public final class MessageCarbons implements SessionListener {
    public static final String NAMESPACE = "urn:xmpp:carbons:2";

    private static final StanzaError FORGED = StanzaError.of(StanzaErrorCondition.FORBIDDEN,
            "Only the server sends Message Carbons");

    private final SessionRegistry sessions;
    private final Set<ClientSession> enabled = ConcurrentHashMap.newKeySet();

    private MessageCarbons(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /**
     * Creates the node's carbons service: answers enable and disable for accounts, advertises
     * {@value #NAMESPACE} in the server's disco#info (§3: "in response to a disco#info query to the server") and
     * forgets a session's choice when it ends.
     */
    public static MessageCarbons install(SessionRegistry sessions, IqHandlers iqHandlers) {
        MessageCarbons carbons = new MessageCarbons(sessions);
        CarbonsIqHandler handler = new CarbonsIqHandler(carbons);
        iqHandlers.register(IqScope.ACCOUNT, "enable", NAMESPACE, handler);
        iqHandlers.register(IqScope.ACCOUNT, "disable", NAMESPACE, handler);
        iqHandlers.addFeatures(IqScope.SERVER, NAMESPACE);
        sessions.addListener(carbons);
        return carbons;
    }

    /** Whether the client bound to this session asked for carbons. */
    public boolean enabled(ClientSession session) {
        return enabled.contains(session);
    }

    /**
     * Records the choice of the client bound to {@code jid}; false when no session holds that JID (it ended while the
     * request was on its way).
     */
    boolean setEnabled(Jid jid, boolean on) {
        ClientSession session = sessions.session(jid).orElse(null);
        if (session == null) {
            return false;
        }
        if (!on) {
            enabled.remove(session);
            return true;
        }
        enabled.add(session);
        if (sessions.session(jid).orElse(null) != session) {
            // The session ended between the lookup and the add, and its unbind may have run before the add.
            enabled.remove(session);
            return false;
        }
        return true;
    }

    /**
     * The error answering a message a client sent that carries a carbon wrapper, or null for any other stanza. Such a
     * message would let a client impersonate another account's clients (CVE-2017-5589), so it is refused whole.
     */
    public static StanzaError forgery(Stanza stanza) {
        return stanza instanceof Message && CarbonCopies.carriesWrapper(stanza.element()) ? FORGED : null;
    }

    /**
     * Sends a {@code <sent/>} copy of what {@code sender} sent to each other enabled client of its account (§8). A
     * private message to a room occupant is copied only to the clients joined to that room (§6.1): the others could
     * not answer it.
     *
     * @param stanza the stanza as the sender's archive knows it (with its {@code <stanza-id/>} when archived)
     */
    public void copySent(ClientSession sender, Stanza stanza) {
        if (!(stanza instanceof Message message) || ownAccount(sender.jid(), message.to())
                || !CarbonEligibility.eligible(message, CarbonDirection.SENT)) {
            return;
        }
        for (ClientSession session : sessions.sessions(sender.jid().bare())) {
            if (session != sender && enabled(session) && sharesConversation(message, session)) {
                session.deliver(CarbonCopies.wrap(CarbonDirection.SENT, message, session.jid()));
            }
        }
    }

    /**
     * Whether {@code other} is in the conversation {@code message} belongs to: always, except for a private message to
     * a room occupant, whose conversation only the clients joined to that room are in (XEP-0280 §6.1 limits such
     * copies to the clients sharing the sender's multi-session nick; a Parley room gives one account one nickname, and
     * a nickname change is followed by the room, not by the client's directed presence, so being in the room is what
     * is checked).
     */
    private static boolean sharesConversation(Message message, ClientSession other) {
        return !CarbonEligibility.toRoomOccupant(message) || other.presence().directedWithin(message.to().bare());
    }

    /**
     * Sends a {@code <received/>} copy of a message delivered to an account to each enabled client of it that did not
     * get the original (§7), and never to the client that sent it.
     *
     * @param bound        the account's sessions when delivery was decided
     * @param gotOriginal  those of them the message was delivered to
     */
    public void copyReceived(Stanza stanza, List<ClientSession> bound, List<ClientSession> gotOriginal) {
        if (!(stanza instanceof Message message) || gotOriginal.isEmpty()
                || !CarbonEligibility.eligible(message, CarbonDirection.RECEIVED)) {
            return;
        }
        for (ClientSession session : bound) {
            if (enabled(session) && !gotOriginal.contains(session) && !session.jid().equals(message.from())) {
                session.deliver(CarbonCopies.wrap(CarbonDirection.RECEIVED, message, session.jid()));
            }
        }
    }

    @Override
    public void unbound(ClientSession session) {
        enabled.remove(session);
    }

    /** No 'to' addresses the sender's own account (RFC 6120 §10.3). */
    private static boolean ownAccount(Jid sender, Jid to) {
        return to == null || to.bare().equals(sender.bare());
    }
}
