package dev.parley.load.client;

import dev.parley.xmpp.xml.XmlWriter;

/**
 * The XML the load tool sends, as text: written straight to the connection without building element trees, because
 * the senders are the tool's hot path. Every value placed in an attribute or text is escaped.
 */
public final class Stanzas {
    public static final String MUC = "http://jabber.org/protocol/muc";
    public static final String SM = "urn:xmpp:sm:3";
    public static final String INITIAL_PRESENCE = "<presence/>";
    public static final String STARTTLS = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
    public static final String STREAM_END = "</stream:stream>";
    static final String SM_ENABLE = "<enable xmlns='" + SM + "' resume='true'/>";

    private Stanzas() {
    }

    /** The initial stream header of RFC 6120 §4.7 for {@code domain}. */
    public static String streamHeader(String domain) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='" + escape(domain) + "' version='1.0' xml:lang='en'>";
    }

    static String auth(String mechanism, String initialResponse) {
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + escape(mechanism) + "'>"
                + initialResponse + "</auth>";
    }

    static String saslResponse(String base64) {
        return "<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + base64 + "</response>";
    }

    static String bind(String id, String resource) {
        return "<iq type='set' id='" + escape(id) + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                + escape(resource) + "</resource></bind></iq>";
    }

    static String legacySession(String id) {
        return "<iq type='set' id='" + escape(id) + "'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>";
    }

    static String resume(String previd, long handled) {
        return "<resume xmlns='" + SM + "' previd='" + escape(previd) + "' h='" + (handled & 0xFFFFFFFFL) + "'/>";
    }

    static String ack(long handled) {
        return "<a xmlns='" + SM + "' h='" + (handled & 0xFFFFFFFFL) + "'/>";
    }

    /** The answer to an IQ request: an empty result for a ping (XEP-0199), service-unavailable for anything else. */
    static String iqAnswer(String to, String id, boolean ping) {
        String head = "<iq type='" + (ping ? "result" : "error") + "' id='" + escape(id) + "'"
                + (to == null ? "" : " to='" + escape(to) + "'");
        return ping ? head + "/>" : head + "><error type='cancel'><service-unavailable "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";
    }

    /** A message carrying a {@link Payload}; {@code type} is {@code chat} or {@code groupchat}. */
    public static String message(String to, String type, String payload) {
        return "<message to='" + escape(to) + "' type='" + type + "'><body>" + payload + "</body></message>";
    }

    /** Joins a room (XEP-0045 §7.2.1) asking for no discussion history (§7.2.14). */
    public static String mucJoin(String occupantJid) {
        return "<presence to='" + escape(occupantJid) + "'><x xmlns='" + MUC + "'><history maxstanzas='0'/></x>"
                + "</presence>";
    }

    /** Accepts the default configuration of a room just created: an instant room (XEP-0045 §10.1.2). */
    public static String instantRoom(String room, String id) {
        return "<iq type='set' to='" + escape(room) + "' id='" + escape(id) + "'><query xmlns='" + MUC + "#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'/></query></iq>";
    }

    /** A service discovery info request (XEP-0030 §3.1). */
    public static String discoInfo(String to, String id) {
        return "<iq type='get' to='" + escape(to) + "' id='" + escape(id) + "'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        XmlWriter.escape(value, true, out);
        return out.toString();
    }
}
