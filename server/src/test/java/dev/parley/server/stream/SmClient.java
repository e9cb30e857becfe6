package dev.parley.server.stream;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A test client that speaks stream management (XEP-0198) over a {@link RawXmppClient}: it counts the stanzas it
 * receives, as a real client does, so it can report 'h' when it resumes.
 */
final class SmClient implements AutoCloseable {
    static final String SM = Namespaces.STREAM_MANAGEMENT;

    final RawXmppClient raw;
    final String user;
    String fullJid;
    /** Stanzas received since stream management was enabled (the client's 'h'). */
    long received;
    final List<XmlElement> stanzas = new ArrayList<>();
    /** Stream management elements met while reading stanzas. */
    final List<XmlElement> nonzas = new ArrayList<>();
    /** The server's {@code <enabled/>}, once enabled. */
    XmlElement enabled;
    /** The features of the authenticated stream, for a client that did not bind. */
    XmlElement features;

    private SmClient(RawXmppClient raw, String user) {
        this.raw = raw;
        this.user = user;
    }

    /** Logs in, binds {@code resource} and enables stream management (with resumption when asked). */
    static SmClient enabled(TestServer server, String user, String resource, boolean resume) throws Exception {
        SmClient client = bound(server, user, resource);
        client.raw.send("<enable xmlns='" + SM + "'" + (resume ? " resume='true'" : "") + "/>");
        XmlElement enabled = client.raw.next();
        if (!enabled.is("enabled", SM)) {
            throw new IOException("expected <enabled/>, got " + enabled);
        }
        client.enabled = enabled;
        return client;
    }

    static SmClient bound(TestServer server, String user, String resource) throws Exception {
        return bound(server, user, resource, RawXmppClient.connect(server.c2sPort()));
    }

    /** Like {@link #enabled}, with resumption, on a socket with a small receive buffer (a client that reads slowly). */
    static SmClient resumableSlowReader(TestServer server, String user, String resource) throws Exception {
        SmClient client = bound(server, user, resource, RawXmppClient.connect(server.c2sPort(), 4096));
        client.raw.send("<enable xmlns='" + SM + "' resume='true'/>");
        client.enabled = client.raw.next();
        if (!client.enabled.is("enabled", SM)) {
            throw new IOException("expected <enabled/>, got " + client.enabled);
        }
        return client;
    }

    private static SmClient bound(TestServer server, String user, String resource, RawXmppClient raw)
            throws Exception {
        SmClient client = new SmClient(raw, user);
        client.fullJid = raw.login(TestServer.DOMAIN, user, TestServer.passwordOf(user), resource);
        return client;
    }

    /** Logs in without binding and returns the features of the authenticated stream (where resumption happens). */
    static SmClient authenticated(TestServer server, String user) throws Exception {
        RawXmppClient raw = RawXmppClient.connect(server.c2sPort());
        raw.openStream(TestServer.DOMAIN);
        raw.startTls(TestServer.DOMAIN);
        XmlElement answer = raw.authenticatePlain(user, TestServer.passwordOf(user));
        if (!answer.name().equals("success")) {
            throw new IOException("authentication failed: " + answer);
        }
        SmClient client = new SmClient(raw, user);
        client.features = raw.openStream(TestServer.DOMAIN);
        return client;
    }

    String smId() {
        return enabled.attribute("id");
    }

    void send(String xml) throws Exception {
        raw.send(xml);
    }

    /** The next stanza, counted; stream management nonzas it meets on the way are kept in {@link #nonzas}. */
    XmlElement nextStanza() throws Exception {
        while (true) {
            XmlElement element = raw.next();
            if (element.namespace().equals(SM)) {
                nonzas.add(element);
                continue;
            }
            received++;
            stanzas.add(element);
            return element;
        }
    }

    /** Sends {@code <r/>} and returns the 'h' of the server's answer (stanzas before it are counted). */
    long requestAck() throws Exception {
        raw.send("<r xmlns='" + SM + "'/>");
        while (true) {
            XmlElement element = raw.next();
            if (element.is("a", SM)) {
                return Long.parseLong(element.attribute("h"));
            }
            if (!element.namespace().equals(SM)) {
                received++;
                stanzas.add(element);
            }
        }
    }

    /**
     * Asks for acks until 'h' reaches {@code expected} (the server answers at once with what is handled so far, and
     * routing may still be under way) or two seconds pass; returns the last 'h'.
     */
    long awaitAck(long expected) throws Exception {
        long h = requestAck();
        for (int tries = 0; h < expected && tries < 200; tries++) {
            Thread.sleep(10);
            h = requestAck();
        }
        return h;
    }

    /** Drops the TCP connection without closing the stream, as a lost network does. */
    @Override
    public void close() throws IOException {
        raw.close();
    }
}
