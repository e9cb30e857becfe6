package dev.parley.server.testing;

import dev.parley.xmpp.xml.XmlElement;

/** A logged-in {@link RawXmppClient} and the full JID it is bound to. */
public record XmppSession(RawXmppClient client, String fullJid) implements AutoCloseable {
    /** Logs in to a new account made for this test ({@link TestServer#addFreshUser}). */
    public static XmppSession loginFresh(TestServer server, String resource) throws Exception {
        String name = server.addFreshUser();
        return login(server, name, TestServer.passwordOf(name), resource);
    }

    /** Logs in over STARTTLS with {@code username}'s password and binds {@code resource}. */
    public static XmppSession login(TestServer server, String username, String password, String resource)
            throws Exception {
        RawXmppClient client = RawXmppClient.connect(server.c2sPort());
        try {
            return new XmppSession(client, client.login(TestServer.DOMAIN, username, password, resource));
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    public String bareJid() {
        return fullJid.substring(0, fullJid.indexOf('/'));
    }

    /** {@link Iqs#request}: sends the IQ and returns its reply. */
    public XmlElement request(String iq) throws Exception {
        return Iqs.request(client, iq);
    }

    public void send(String xml) throws Exception {
        client.send(xml);
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
