package dev.parley.extensions.muc;

import dev.parley.server.testing.Iqs;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A logged-in test user speaking XEP-0045 to rooms at {@code conference.localhost}. */
record MucClient(XmppSession session) implements AutoCloseable {
    static final String SERVICE = "conference." + TestServer.DOMAIN;
    private static final AtomicInteger IDS = new AtomicInteger();

    static MucClient login(TestServer server) throws Exception {
        XmppSession session = XmppSession.loginFresh(server, "muc");
        session.send("<presence/>"); // RFC 6121 §4.2: available, so presence from rooms is delivered
        return new MucClient(session);
    }

    static String room(String name) {
        return name + "@" + SERVICE;
    }

    String jid() {
        return session.fullJid();
    }

    String bare() {
        return session.bareJid();
    }

    void send(String xml) throws Exception {
        session.send(xml);
    }

    /** Sends join presence and returns the self-presence (status 110) or the error presence. */
    XmlElement join(String room, String nick, String mucChildren) throws Exception {
        send("<presence to='" + room + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'>" + mucChildren
                + "</x></presence>");
        return session.client().next(e -> e.name().equals("presence") && (hasStatus(e, 110)
                || "error".equals(e.attribute("type"))));
    }

    /** Creates an instant room (§10.1.2): join, then submit an empty form. */
    XmlElement createInstant(String room, String nick) throws Exception {
        XmlElement self = join(room, nick, "");
        XmlElement reply = request("<iq type='set' to='" + room + "' id='" + id() + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query></iq>");
        if (!"result".equals(reply.attribute("type"))) {
            throw new AssertionError("instant room refused: " + reply);
        }
        return self;
    }

    /** Submits config fields (var → value) to the room. */
    XmlElement configure(String room, String... varValuePairs) throws Exception {
        StringBuilder form = new StringBuilder("<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'>"
                + "<value>http://jabber.org/protocol/muc#roomconfig</value></field>");
        for (int i = 0; i < varValuePairs.length; i += 2) {
            form.append("<field var='").append(varValuePairs[i]).append("'><value>").append(varValuePairs[i + 1])
                    .append("</value></field>");
        }
        form.append("</x>");
        return request("<iq type='set' to='" + room + "' id='" + id() + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'>" + form + "</query></iq>");
    }

    /** Sends a message to {@code to} with a fresh id and returns the next message with that id (a refusal). */
    XmlElement messageReply(String to, String children) throws Exception {
        String id = id();
        send("<message to='" + to + "' id='" + id + "'>" + children + "</message>");
        return session.client().next(e -> e.name().equals("message") && id.equals(e.attribute("id")));
    }

    XmlElement request(String iq) throws Exception {
        return session.request(iq);
    }

    /** The next stanza named {@code name} whose 'from' is {@code from}. */
    XmlElement next(String name, String from) throws Exception {
        return session.client().next(e -> e.name().equals(name) && from.equals(e.attribute("from")));
    }

    List<XmlElement> drain(int millis) throws Exception {
        return session.client().drain(millis);
    }

    /** What a XEP-0313 query to a room returned: its results in the order they came, and the IQ answer. */
    record ArchiveAnswer(List<XmlElement> results, XmlElement iq) {
        static final String MAM = "urn:xmpp:mam:2";

        /** The result ids, in order. */
        List<String> ids() {
            return results.stream().map(r -> r.child("result", MAM).orElseThrow().attribute("id")).toList();
        }

        /** The archived messages as the room forwards them. */
        List<XmlElement> messages() {
            return results.stream().map(r -> r.child("result", MAM).orElseThrow()
                    .child("forwarded", "urn:xmpp:forward:0").orElseThrow()
                    .child("message", "jabber:client").orElseThrow()).toList();
        }

        XmlElement fin() {
            return iq.child("fin", MAM).orElseThrow();
        }
    }

    /** Queries the room's archive with {@code queryChildren} (a form, an RSM set) and collects the answer. */
    ArchiveAnswer queryArchive(String room, String queryChildren) throws Exception {
        String id = id();
        send("<iq type='set' to='" + room + "' id='" + id + "'><query xmlns='urn:xmpp:mam:2' queryid='q" + id + "'>"
                + queryChildren + "</query></iq>");
        List<XmlElement> results = new java.util.ArrayList<>();
        while (true) {
            XmlElement next = session.client().next(e -> (e.name().equals("iq") && id.equals(e.attribute("id")))
                    || (e.name().equals("message") && e.child("result", ArchiveAnswer.MAM)
                    .filter(r -> ("q" + id).equals(r.attribute("queryid"))).isPresent()));
            if (next.name().equals("iq")) {
                return new ArchiveAnswer(List.copyOf(results), next);
            }
            results.add(next);
        }
    }

    /** An RSM {@code <set/>} (XEP-0059) asking for at most {@code max} after {@code after} (null: from the start). */
    static String page(int max, String after) {
        return "<set xmlns='http://jabber.org/protocol/rsm'><max>" + max + "</max>"
                + (after == null ? "" : "<after>" + after + "</after>") + "</set>";
    }

    static String stanzaId(XmlElement message) {
        return message.child("stanza-id", "urn:xmpp:sid:0").orElseThrow().attribute("id");
    }

    static String id() {
        return "m" + IDS.incrementAndGet();
    }

    static boolean hasStatus(XmlElement stanza, int code) {
        return stanza.child("x", "http://jabber.org/protocol/muc#user").stream()
                .flatMap(x -> x.elements("status", "http://jabber.org/protocol/muc#user"))
                .anyMatch(s -> Integer.toString(code).equals(s.attribute("code")));
    }

    static XmlElement item(XmlElement stanza) {
        return stanza.child("x", "http://jabber.org/protocol/muc#user").orElseThrow()
                .child("item", "http://jabber.org/protocol/muc#user").orElseThrow();
    }

    static String error(XmlElement stanza) throws Exception {
        return Iqs.errorCondition(stanza);
    }

    @Override
    public void close() throws Exception {
        session.close();
    }
}
