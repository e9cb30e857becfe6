package dev.parley.server.api;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;

/**
 * A XEP-0030 node of the server (for instance XEP-0050's command list): what disco#info and disco#items on
 * {@code node} answer. Answers may depend on who asks (admins see admin commands).
 */
public interface DiscoNode {
    /** {@code <identity/>} and {@code <feature/>} elements in the disco#info namespace. */
    List<XmlElement> info(Jid requester);

    /** {@code <item/>} elements in the disco#items namespace. */
    List<XmlElement> items(Jid requester);
}
