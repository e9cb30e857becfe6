package dev.parley.server.roster;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.function.Predicate;

/** A {@link RawXmppClient} logged in to a {@link TestServer}, with the roster and presence steps tests repeat. */
final class ImClient implements AutoCloseable {
    static final String ROSTER = "jabber:iq:roster";
    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    final RawXmppClient raw;
    final String jid;
    private int ids;

    private ImClient(RawXmppClient raw, String jid) {
        this.raw = raw;
        this.jid = jid;
    }

    static ImClient login(TestServer server, String user, String resource) throws Exception {
        RawXmppClient raw = RawXmppClient.connect(server.c2sPort());
        return new ImClient(raw, raw.login(TestServer.DOMAIN, user, user + "-password", resource));
    }

    /** Logs in, asks for the roster (becoming interested in pushes) and sends initial presence. */
    static ImClient online(TestServer server, String user, String resource) throws Exception {
        ImClient client = login(server, user, resource);
        client.roster();
        client.send("<presence/>");
        client.sync();
        return client;
    }

    void send(String xml) throws Exception {
        raw.send(xml);
    }

    /** The roster's {@code <query/>} (or null for an empty result) from a roster get. */
    XmlElement roster() throws Exception {
        return iq("get", "<query xmlns='" + ROSTER + "'/>").child("query", ROSTER).orElse(null);
    }

    /** Sends an IQ and returns its answer (result or error), skipping whatever arrives before it. */
    XmlElement iq(String type, String payload) throws Exception {
        String id = "q" + ++ids;
        send("<iq type='" + type + "' id='" + id + "'>" + payload + "</iq>");
        return raw.next(e -> e.name().equals("iq") && id.equals(e.attribute("id")));
    }

    /** A round trip: everything the server did for earlier stanzas of this stream is done when it returns. */
    void sync() throws Exception {
        iq("get", "<ping xmlns='urn:xmpp:ping'/>");
    }

    XmlElement next(Predicate<XmlElement> wanted) throws Exception {
        return raw.next(wanted);
    }

    XmlElement presence(String type, String from) throws Exception {
        return next(e -> e.name().equals("presence") && from.equals(e.attribute("from"))
                && java.util.Objects.equals(type, e.attribute("type")));
    }

    /** The next roster push, answered as RFC 6121 §2.1.6 asks; returns its {@code <item/>}. */
    XmlElement push() throws Exception {
        XmlElement push = next(e -> e.name().equals("iq") && "set".equals(e.attribute("type"))
                && e.child("query", ROSTER).isPresent());
        send("<iq type='result' id='" + push.attribute("id") + "'/>");
        return push.child("query", ROSTER).orElseThrow().child("item", ROSTER).orElseThrow();
    }

    List<XmlElement> quiet() throws Exception {
        return raw.drain(300);
    }


    @Override
    public void close() throws Exception {
        raw.close();
    }
}
