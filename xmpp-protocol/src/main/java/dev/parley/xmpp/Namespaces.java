package dev.parley.xmpp;

/**
 * XML namespace URIs of the XMPP core (RFC 6120), instant messaging and presence (RFC 6121) and the XEPs the server
 * speaks. Each constant names the specification that defines it, so a grep for a XEP number finds its users.
 */
public final class Namespaces {
    /** Content namespace of client-to-server streams (RFC 6120 §4.8.2). */
    public static final String CLIENT = "jabber:client";
    /** Content namespace of server-to-server streams (RFC 6120 §4.8.2). */
    public static final String SERVER = "jabber:server";
    /** The stream namespace, bound to the {@code stream} prefix (RFC 6120 §4.8.1). */
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    /** STARTTLS negotiation (RFC 6120 §5). */
    public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    /** SASL negotiation (RFC 6120 §6). */
    public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    /** Resource binding (RFC 6120 §7). */
    public static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    /** Session establishment (RFC 3921 §3): dropped by RFC 6121, still advertised as optional for old clients. */
    public static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    /** Stanza error conditions (RFC 6120 §8.3.3). */
    public static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    /** Stream error conditions (RFC 6120 §4.9.3). */
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    /** The {@code xml} prefix's namespace (Namespaces in XML 1.0 §3), used by {@code xml:lang}. */
    public static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** Roster management (RFC 6121 §2). */
    public static final String ROSTER = "jabber:iq:roster";
    /** Roster versioning stream feature (RFC 6121 §2.6). */
    public static final String ROSTER_VERSIONING = "urn:xmpp:features:rosterver";
    /** Subscription pre-approval stream feature (RFC 6121 §3.4). */
    public static final String PRESENCE_PREAPPROVAL = "urn:xmpp:features:pre-approval";

    /** Server dialback (XEP-0220). */
    public static final String DIALBACK = "jabber:server:dialback";
    /** Dialback stream feature (XEP-0220 §2.4). */
    public static final String DIALBACK_FEATURE = "urn:xmpp:features:dialback";
    /** Data forms (XEP-0004). */
    public static final String DATA_FORMS = "jabber:x:data";
    /** Service discovery information (XEP-0030). */
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    /** Service discovery items (XEP-0030). */
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    /** Multi-user chat (XEP-0045). */
    public static final String MUC = "http://jabber.org/protocol/muc";
    /** Multi-user chat, occupant extension (XEP-0045). */
    public static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    /** Multi-user chat, moderator and admin use cases (XEP-0045). */
    public static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    /** Multi-user chat, owner use cases (XEP-0045). */
    public static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    /** In-band registration (XEP-0077). */
    public static final String REGISTER = "jabber:iq:register";
    /** In-band registration stream feature (XEP-0077 §4). */
    public static final String REGISTER_FEATURE = "http://jabber.org/features/iq-register";
    /** Ad-hoc commands (XEP-0050). */
    public static final String COMMANDS = "http://jabber.org/protocol/commands";
    /** Result set management (XEP-0059). */
    public static final String RSM = "http://jabber.org/protocol/rsm";
    /** Publish-subscribe (XEP-0060). */
    public static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    /** Publish-subscribe event notifications (XEP-0060). */
    public static final String PUBSUB_EVENT = "http://jabber.org/protocol/pubsub#event";
    /** Publish-subscribe owner use cases (XEP-0060). */
    public static final String PUBSUB_OWNER = "http://jabber.org/protocol/pubsub#owner";
    /** Publish-subscribe application-specific error conditions (XEP-0060 §7). */
    public static final String PUBSUB_ERRORS = "http://jabber.org/protocol/pubsub#errors";
    /** Private XML storage (XEP-0049). */
    public static final String PRIVATE = "jabber:iq:private";
    /** vcard-temp (XEP-0054). */
    public static final String VCARD = "vcard-temp";
    /** Last activity (XEP-0012). */
    public static final String LAST_ACTIVITY = "jabber:iq:last";
    /** Software version (XEP-0092). */
    public static final String VERSION = "jabber:iq:version";
    /** Chat state notifications (XEP-0085). */
    public static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    /** Entity capabilities (XEP-0115). */
    public static final String CAPS = "http://jabber.org/protocol/caps";
    /** Blocking command (XEP-0191). */
    public static final String BLOCKING = "urn:xmpp:blocking";
    /** Stream management (XEP-0198). */
    public static final String STREAM_MANAGEMENT = "urn:xmpp:sm:3";
    /** XMPP ping (XEP-0199). */
    public static final String PING = "urn:xmpp:ping";
    /** Entity time (XEP-0202). */
    public static final String TIME = "urn:xmpp:time";
    /** Delayed delivery (XEP-0203). */
    public static final String DELAY = "urn:xmpp:delay";
    /** XMPP over BOSH (XEP-0206, with XEP-0124). */
    public static final String BOSH = "http://jabber.org/protocol/httpbind";
    /** The {@code xmpp} attributes of BOSH (XEP-0206 §3). */
    public static final String XBOSH = "urn:xmpp:xbosh";
    /** XMPP over WebSocket framing (RFC 7395 §3.3). */
    public static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    /** Message carbons (XEP-0280). */
    public static final String CARBONS = "urn:xmpp:carbons:2";
    /** Stanza forwarding (XEP-0297). */
    public static final String FORWARD = "urn:xmpp:forward:0";
    /** Message archive management (XEP-0313). */
    public static final String MAM = "urn:xmpp:mam:2";
    /** Message delivery receipts (XEP-0184). */
    public static final String RECEIPTS = "urn:xmpp:receipts";
    /** Message processing hints (XEP-0334). */
    public static final String HINTS = "urn:xmpp:hints";
    /** Client state indication (XEP-0352). */
    public static final String CSI = "urn:xmpp:csi:0";
    /** Unique and stable stanza IDs (XEP-0359). */
    public static final String STANZA_ID = "urn:xmpp:sid:0";
    /** HTTP file upload (XEP-0363). */
    public static final String HTTP_UPLOAD = "urn:xmpp:http:upload:0";
    /** Push notifications (XEP-0357). */
    public static final String PUSH = "urn:xmpp:push:0";
    /** Flexible offline message retrieval (XEP-0013). */
    public static final String OFFLINE = "http://jabber.org/protocol/offline";

    private Namespaces() {
    }
}
