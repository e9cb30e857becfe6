package dev.parley.server.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.util.Optional;

/** PEP requests and presence subscriptions for the tests, over {@link XmppSession}s. */
final class PepClients {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String EVENT = PUBSUB + "#event";
    private static int ids;

    private PepClients() {
    }

    static String id() {
        return "pep" + ++ids;
    }

    static XmlElement publish(XmppSession session, String to, String node, String itemId, String payload,
                              String options) throws Exception {
        return session.request("<iq type='set' id='" + id() + "'" + (to == null ? "" : " to='" + to + "'")
                + "><pubsub xmlns='" + PUBSUB + "'><publish node='" + node + "'><item"
                + (itemId == null ? "" : " id='" + itemId + "'") + ">" + payload + "</item></publish>"
                + (options == null ? "" : "<publish-options>" + options + "</publish-options>") + "</pubsub></iq>");
    }

    /** A publish-options form with these field vars and values. */
    static String options(String... varsAndValues) {
        StringBuilder form = new StringBuilder("<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' "
                + "type='hidden'><value>" + PUBSUB + "#publish-options</value></field>");
        for (int i = 0; i < varsAndValues.length; i += 2) {
            form.append("<field var='").append(varsAndValues[i]).append("'><value>").append(varsAndValues[i + 1])
                    .append("</value></field>");
        }
        return form.append("</x>").toString();
    }

    static XmlElement items(XmppSession session, String owner, String node, String extra) throws Exception {
        return session.request("<iq type='get' id='" + id() + "' to='" + owner + "'><pubsub xmlns='" + PUBSUB
                + "'><items node='" + node + "'" + extra + "</pubsub></iq>");
    }

    /** The pubsub-specific condition of an error reply (XEP-0060 §14.2), or null. */
    static String pubsubCondition(XmlElement reply) {
        return reply.child("error", "jabber:client").flatMap(error -> error.firstChild(PUBSUB + "#errors"))
                .map(XmlElement::name).orElse(null);
    }

    /** Makes {@code from} subscribed to {@code to}'s presence; both must have sent initial presence. */
    static void subscribe(TestServer server, XmppSession from, XmppSession to) throws Exception {
        from.send("<presence to='" + to.bareJid() + "' type='subscribe'/>");
        to.client().next(e -> e.name().equals("presence") && "subscribe".equals(e.attribute("type")));
        to.send("<presence to='" + from.bareJid() + "' type='subscribed'/>");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entry(server, to.bareJid(),
                from.bareJid()).filter(item -> item.subscription().from())).isPresent());
    }

    private static Optional<RosterItem> entry(TestServer server, String owner, String contact) {
        return server.server().storage().roster().find(AccountId.of(Jid.parse(owner)), Jid.parse(contact))
                .toCompletableFuture().join();
    }

    /** The next PEP event from {@code owner} that {@code session} receives. */
    static XmlElement nextEvent(XmppSession session, String owner) throws Exception {
        XmlElement message = session.client().next(e -> e.name().equals("message")
                && owner.equals(e.attribute("from")) && e.child("event", EVENT).isPresent());
        assertThat(message.attribute("type")).isEqualTo("headline");
        return message.child("event", EVENT).orElseThrow();
    }
}
