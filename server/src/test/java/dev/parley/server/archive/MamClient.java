package dev.parley.server.archive;

import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A test client's side of XEP-0313 over a real connection: sending chats and running queries. */
final class MamClient {
    static final String MAM = "urn:xmpp:mam:2";
    static final String RSM = "http://jabber.org/protocol/rsm";
    private static final AtomicInteger ids = new AtomicInteger();

    /** The messages a query returned (their {@code <result/>}) and the final IQ. */
    record Answer(List<XmlElement> results, XmlElement iq) {
        List<String> ids() {
            return results.stream().map(r -> r.attribute("id")).toList();
        }

        List<String> bodies() {
            return results.stream().map(MamClient::forwardedBody).toList();
        }

        XmlElement fin() {
            return iq.child("fin", MAM).orElseThrow(() -> new AssertionError("no <fin/> in " + iq));
        }

        boolean complete() {
            return "true".equals(fin().attribute("complete"));
        }

        String rsm(String name) {
            return fin().child("set", RSM).orElseThrow().childText(name, RSM).orElse(null);
        }
    }

    private MamClient() {
    }

    static String forwardedBody(XmlElement result) {
        return forwarded(result).childText("body", "jabber:client").orElse(null);
    }

    static XmlElement forwarded(XmlElement result) {
        return result.child("forwarded", "urn:xmpp:forward:0").orElseThrow()
                .child("message", "jabber:client").orElseThrow();
    }

    /** A data form with FORM_TYPE and these fields; each pair is var, value. */
    static String form(String... varsAndValues) {
        StringBuilder form = new StringBuilder("<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' "
                + "type='hidden'><value>" + MAM + "</value></field>");
        for (int i = 0; i < varsAndValues.length; i += 2) {
            form.append("<field var='").append(varsAndValues[i]).append("'><value>").append(varsAndValues[i + 1])
                    .append("</value></field>");
        }
        return form.append("</x>").toString();
    }

    static String rsm(String inner) {
        return "<set xmlns='" + RSM + "'>" + inner + "</set>";
    }

    /** Runs a query set with {@code children} inside {@code <query/>}, addressed to {@code to} (null: own archive). */
    static Answer query(XmppSession session, String to, String children) throws Exception {
        String id = "q" + ids.incrementAndGet();
        session.send("<iq type='set' id='" + id + "'" + (to == null ? "" : " to='" + to + "'") + "><query xmlns='"
                + MAM + "' queryid='" + id + "'>" + children + "</query></iq>");
        List<XmlElement> results = new ArrayList<>();
        while (true) {
            XmlElement received = session.client().next(e -> e.name().equals("iq") && id.equals(e.attribute("id"))
                    || e.name().equals("message") && e.child("result", MAM).isPresent());
            if (received.name().equals("iq")) {
                return new Answer(results, received);
            }
            XmlElement result = received.child("result", MAM).orElseThrow();
            if (!id.equals(result.attribute("queryid"))) {
                throw new AssertionError("a result for another query: " + received);
            }
            results.add(result);
        }
    }

    static Answer query(XmppSession session, String children) throws Exception {
        return query(session, null, children);
    }

    /** Sends initial presence and returns once the server processed it (a ping sent behind it was answered). */
    static void online(XmppSession session) throws Exception {
        session.send("<presence/>");
        sync(session);
    }

    /**
     * Returns once the server processed what {@code session} sent so far (stanzas of a stream keep their order);
     * what else arrives meanwhile is dropped.
     */
    static void sync(XmppSession session) throws Exception {
        String id = "sync" + ids.incrementAndGet();
        session.request("<iq type='get' id='" + id + "'><ping xmlns='urn:xmpp:ping'/></iq>");
    }

    /** Sends a chat message and returns after {@code recipient} got it (so it is archived). */
    static XmlElement chat(XmppSession sender, XmppSession recipient, String body, String extra) throws Exception {
        sender.send("<message type='chat' to='" + recipient.bareJid() + "'><body>" + body + "</body>" + extra
                + "</message>");
        return recipient.client().next(e -> e.name().equals("message")
                && body.equals(e.childText("body", "jabber:client").orElse(null)));
    }

    static XmlElement stanzaId(XmlElement message, String by) {
        return message.elements("stanza-id", "urn:xmpp:sid:0").filter(e -> by.equals(e.attribute("by")))
                .findFirst().orElse(null);
    }
}
