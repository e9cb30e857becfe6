package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

/** Namespaces of XEP-0045 and the XEPs a room uses, and the small elements built everywhere. */
final class MucXml {
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String USER = "http://jabber.org/protocol/muc#user";
    static final String ADMIN = "http://jabber.org/protocol/muc#admin";
    static final String OWNER = "http://jabber.org/protocol/muc#owner";
    static final String REQUEST = "http://jabber.org/protocol/muc#request";
    static final String REGISTER_FORM = "http://jabber.org/protocol/muc#register";
    static final String REGISTER = "jabber:iq:register";
    static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";
    static final String STANZA_ID = "urn:xmpp:sid:0";
    static final String MAM = "urn:xmpp:mam:2";
    static final String DELAY = "urn:xmpp:delay";
    static final String MODERATE = "urn:xmpp:message-moderate:1";
    static final String RETRACT = "urn:xmpp:message-retract:1";
    static final String PING = "urn:xmpp:ping";
    static final String CLIENT = "jabber:client";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";

    private MucXml() {
    }

    static XmlElement status(int code) {
        return XmlElement.builder("status", USER).attribute("code", Integer.toString(code)).build();
    }

    static XmlElement occupantId(String id) {
        return XmlElement.builder("occupant-id", OCCUPANT_ID).attribute("id", id).build();
    }

    static XmlElement stanzaId(String id, Jid by) {
        return XmlElement.builder("stanza-id", STANZA_ID).attribute("id", id).attribute("by", by.toString()).build();
    }

    /**
     * True for what a client may not set itself: the MUC markers, the ids only the room assigns, and the
     * {@code <retracted/>} only the room's archive puts in a tombstone (a client's would pass for one).
     */
    static boolean serviceOwned(XmlElement child) {
        String ns = child.namespace();
        return ns.equals(MUC) || ns.equals(USER) || ns.equals(OCCUPANT_ID)
                || (child.name().equals("stanza-id") && ns.equals(STANZA_ID))
                || (child.name().equals("retracted") && ns.equals(RETRACT));
    }
}
