package dev.parley.server.carbons;

import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;

/** One logged-in client of an account, with the carbons and presence steps the end-to-end tests repeat. */
final class Device implements AutoCloseable {
    static final String CARBONS = MessageCarbons.NAMESPACE;

    final XmppSession session;
    private int ids;

    private Device(XmppSession session) {
        this.session = session;
    }

    static Device login(TestServer server, String user, String resource) throws Exception {
        return new Device(XmppSession.login(server, user, TestServer.passwordOf(user), resource));
    }

    /** Logs in and sends initial presence with {@code priority}. */
    static Device online(TestServer server, String user, String resource, int priority) throws Exception {
        Device device = login(server, user, resource);
        device.send("<presence><priority>" + priority + "</priority></presence>");
        device.sync();
        return device;
    }

    String jid() {
        return session.fullJid();
    }

    String bareJid() {
        return session.bareJid();
    }

    void send(String xml) throws Exception {
        session.send(xml);
    }

    /** Sends an IQ without 'to' and returns its answer. */
    XmlElement iq(String type, String payload) throws Exception {
        return iq(null, type, payload);
    }

    /**
     * Sends an IQ to {@code to} (null for none) and returns its answer; whatever else arrives meanwhile stays queued
     * for {@link #message()}.
     */
    XmlElement iq(String to, String type, String payload) throws Exception {
        String id = "c" + ++ids;
        send("<iq type='" + type + "' id='" + id + "'" + (to == null ? "" : " to='" + to + "'") + ">" + payload
                + "</iq>");
        return session.client().next(e -> e.name().equals("iq") && id.equals(e.attribute("id")));
    }

    /** Enables carbons (XEP-0280 §4) and checks that the server agreed. */
    Device enable() throws Exception {
        XmlElement reply = iq("set", "<enable xmlns='" + CARBONS + "'/>");
        if (!"result".equals(reply.attribute("type"))) {
            throw new AssertionError("enable refused: " + reply);
        }
        return this;
    }

    /** A round trip: the server has processed everything this client sent before. */
    void sync() throws Exception {
        iq("get", "<ping xmlns='urn:xmpp:ping'/>");
    }

    void chat(String to, String id, String payload) throws Exception {
        send("<message to='" + to + "' type='chat' id='" + id + "'><body>hello</body>" + payload + "</message>");
    }

    /** The next message stanza, skipping presence and IQs. */
    XmlElement message() throws Exception {
        return session.client().next("message");
    }

    /** The messages that arrive within a short wait (for checking that none did). */
    List<XmlElement> messages() throws Exception {
        return session.client().drain(300).stream().filter(e -> e.name().equals("message")).toList();
    }

    @Override
    public void close() throws Exception {
        session.close();
    }
}
