package dev.parley.server.blocking;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** A {@link RawXmppClient} logged in to a {@link TestServer}, with the blocking and presence steps tests repeat. */
final class BlockingClient implements AutoCloseable {
    static final String BLOCKING = "urn:xmpp:blocking";
    static final String ERRORS = "urn:xmpp:blocking:errors";
    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    final RawXmppClient raw;
    final String jid;
    final String bare;
    private int ids;

    private BlockingClient(RawXmppClient raw, String jid) {
        this.raw = raw;
        this.jid = jid;
        this.bare = jid.substring(0, jid.indexOf('/'));
    }

    static BlockingClient login(int c2sPort, String user, String resource) throws Exception {
        RawXmppClient raw = RawXmppClient.connect(c2sPort);
        return new BlockingClient(raw, raw.login(TestServer.DOMAIN, user, TestServer.passwordOf(user), resource));
    }

    /** Logs in and sends initial presence. */
    static BlockingClient online(TestServer server, String user, String resource) throws Exception {
        BlockingClient client = login(server.c2sPort(), user, resource);
        client.send("<presence/>");
        client.sync();
        return client;
    }

    /** Makes {@code user} and {@code contact} subscribed to each other's presence ("both" in each roster). */
    static void subscribedBoth(TestServer server, String user, String contact) {
        subscription(server, user, contact, RosterItem.Subscription.BOTH);
        subscription(server, contact, user, RosterItem.Subscription.BOTH);
    }

    static void subscription(TestServer server, String owner, String contact, RosterItem.Subscription state) {
        Jid contactJid = Jid.of(contact, TestServer.DOMAIN, null);
        server.server().storage().roster().update(new AccountId(TestServer.DOMAIN, owner), contactJid,
                        current -> RosterItem.listed(contactJid, null, List.of()).withState(state, false, false, false),
                        100)
                .toCompletableFuture().join();
    }

    void send(String xml) throws Exception {
        raw.send(xml);
    }

    /** Sends an IQ and returns its answer, leaving whatever arrives before it queued. */
    XmlElement iq(String type, String to, String payload) throws Exception {
        String id = "b" + ++ids;
        send("<iq type='" + type + "' id='" + id + "'" + (to == null ? "" : " to='" + to + "'") + ">" + payload
                + "</iq>");
        return raw.next(e -> e.name().equals("iq") && id.equals(e.attribute("id"))
                && !"set".equals(e.attribute("type")) && !"get".equals(e.attribute("type")));
    }

    /** The block list's items' JIDs; the resource becomes interested in pushes. */
    List<String> blocklist() throws Exception {
        XmlElement reply = iq("get", null, "<blocklist xmlns='" + BLOCKING + "'/>");
        return reply.child("blocklist", BLOCKING).orElseThrow().elements("item", BLOCKING)
                .map(item -> item.attribute("jid")).toList();
    }

    XmlElement block(String... jids) throws Exception {
        return iq("set", null, items("block", jids));
    }

    XmlElement unblock(String... jids) throws Exception {
        return iq("set", null, items("unblock", jids));
    }

    static String items(String command, String... jids) {
        StringBuilder xml = new StringBuilder("<" + command + " xmlns='" + BLOCKING + "'>");
        for (String jid : jids) {
            xml.append("<item jid='").append(jid).append("'/>");
        }
        return xml.append("</").append(command).append(">").toString();
    }

    /** The next block or unblock push, answered; returns its payload. */
    XmlElement push() throws Exception {
        XmlElement push = next(e -> e.name().equals("iq") && "set".equals(e.attribute("type"))
                && e.firstChild(BLOCKING).isPresent());
        send("<iq type='result' id='" + push.attribute("id") + "'/>");
        return push.firstChild(BLOCKING).orElseThrow();
    }

    /** A round trip: everything the server did for earlier stanzas of this stream is done when it returns. */
    void sync() throws Exception {
        iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
    }

    XmlElement next(Predicate<XmlElement> wanted) throws Exception {
        return raw.next(wanted);
    }

    XmlElement presence(String type, String from) throws Exception {
        return next(e -> e.name().equals("presence") && from.equals(e.attribute("from"))
                && Objects.equals(type, e.attribute("type")));
    }

    /** What arrives within a moment, for checking that something did not. */
    List<XmlElement> quiet() throws Exception {
        return raw.drain(300);
    }


    @Override
    public void close() throws Exception {
        raw.close();
    }
}
