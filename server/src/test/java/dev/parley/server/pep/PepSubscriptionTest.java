package dev.parley.server.pep;

import static dev.parley.server.pep.PepClients.PUBSUB;
import static dev.parley.server.pep.PepClients.nextEvent;
import static dev.parley.server.pep.PepClients.options;
import static dev.parley.server.pep.PepClients.publish;
import static dev.parley.server.pep.PepClients.pubsubCondition;
import static dev.parley.server.pep.PepClients.subscribe;
import static dev.parley.server.testing.Iqs.errorCondition;
import static dev.parley.server.testing.Iqs.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.CapsAnnouncement;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Explicit subscriptions (XEP-0060 §6.1, §6.2, §5.6) and the owner's management of subscriptions and affiliations
 * (§8.8, §8.9) on PEP nodes of a real server.
 */
class PepSubscriptionTest {
    private static final String OWNER = PUBSUB + "#owner";
    private static final String NOTE = "urn:test:note";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static XmppSession online(String resource) throws Exception {
        XmppSession session = XmppSession.loginFresh(server, resource);
        session.send("<presence/>");
        session.request("<iq type='get' id='sync' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        return session;
    }

    private static String note(String text) {
        return "<note xmlns='" + NOTE + "'>" + text + "</note>";
    }

    private static XmlElement pubsub(XmppSession session, String type, String to, String namespace, String child)
            throws Exception {
        return session.request("<iq type='" + type + "' id='" + PepClients.id() + "' to='" + to + "'><pubsub xmlns='"
                + namespace + "'>" + child + "</pubsub></iq>");
    }

    private static XmlElement subscribeTo(XmppSession session, String owner, String node, String jid)
            throws Exception {
        return pubsub(session, "set", owner, PUBSUB, "<subscribe node='" + node + "' jid='" + jid + "'/>");
    }

    private static String noteText(XmlElement event) {
        return event.child("items", PepClients.EVENT).orElseThrow().child("item", PepClients.EVENT).orElseThrow()
                .firstChild().orElseThrow().text();
    }

    /** The entries of the {@code <subscriptions/>} or {@code <affiliations/>} list of a pubsub result. */
    private static Stream<XmlElement> entries(XmlElement reply, String list) throws Exception {
        return result(reply).child(list, PUBSUB).orElseThrow().elements();
    }

    private static long events(List<XmlElement> received) {
        return received.stream().filter(e -> e.name().equals("message")
                && e.child("event", PepClients.EVENT).isPresent()).count();
    }

    @Test
    void aStrangerSubscribesToAnOpenNodeGetsTheLastItemAndNotificationsWithoutCapsAndUnsubscribes() throws Exception {
        try (XmppSession alice = online("a"); XmppSession bob = online("b")) {
            publish(alice, null, NOTE, "n1", note("first"), options("pubsub#access_model", "open"));

            XmlElement subscription = result(subscribeTo(bob, alice.bareJid(), NOTE, bob.bareJid()))
                    .child("subscription", PUBSUB).orElseThrow();
            assertThat(subscription.attribute("node")).isEqualTo(NOTE);
            assertThat(subscription.attribute("jid")).isEqualTo(bob.bareJid());
            assertThat(subscription.attribute("subscription")).isEqualTo("subscribed");
            assertThat(noteText(nextEvent(bob, alice.bareJid()))).as("the last item on subscribe").isEqualTo("first");

            assertThat(entries(pubsub(bob, "get", alice.bareJid(), PUBSUB, "<subscriptions/>"), "subscriptions").map(e -> e.attribute("node") + " " + e.attribute("jid") + " "
                    + e.attribute("subscription"))).containsExactly(NOTE + " " + bob.bareJid() + " subscribed");

            publish(alice, null, NOTE, "n2", note("second"), null);
            assertThat(noteText(nextEvent(bob, alice.bareJid()))).as("no caps, no presence: the subscription")
                    .isEqualTo("second");

            assertThat(pubsub(bob, "set", alice.bareJid(), PUBSUB, "<unsubscribe node='" + NOTE + "' jid='"
                    + bob.bareJid() + "'/>").attribute("type")).isEqualTo("result");
            publish(alice, null, NOTE, "n3", note("third"), null);
            assertThat(events(bob.client().drain(300))).isZero();
            XmlElement again = pubsub(bob, "set", alice.bareJid(), PUBSUB, "<unsubscribe node='" + NOTE + "' jid='"
                    + bob.bareJid() + "'/>");
            assertThat(errorCondition(again)).isEqualTo("unexpected-request");
            assertThat(pubsubCondition(again)).isEqualTo("not-subscribed");
            assertThat(entries(pubsub(bob, "get", alice.bareJid(), PUBSUB, "<subscriptions/>"), "subscriptions"))
                    .isEmpty();
        }
    }

    @Test
    void subscriptionRequestsAreCheckedAgainstTheRequesterAndTheAccessModel() throws Exception {
        try (XmppSession alice = online("a"); XmppSession bob = online("b")) {
            publish(alice, null, NOTE, "n1", note("private"), null);

            XmlElement otherJid = subscribeTo(bob, alice.bareJid(), NOTE, "carol@localhost");
            assertThat(errorCondition(otherJid)).isEqualTo("bad-request");
            assertThat(pubsubCondition(otherJid)).isEqualTo("invalid-jid");
            XmlElement presence = subscribeTo(bob, alice.bareJid(), NOTE, bob.fullJid());
            assertThat(errorCondition(presence)).isEqualTo("not-authorized");
            assertThat(pubsubCondition(presence)).isEqualTo("presence-subscription-required");
            assertThat(errorCondition(subscribeTo(bob, alice.bareJid(), "urn:test:missing", bob.bareJid())))
                    .isEqualTo("item-not-found");
            assertThat(errorCondition(pubsub(bob, "set", alice.bareJid(), PUBSUB, "<unsubscribe node='" + NOTE
                    + "' jid='" + alice.bareJid() + "'/>"))).isEqualTo("forbidden");
            assertThat(errorCondition(pubsub(bob, "get", alice.bareJid(), PUBSUB, "<options node='" + NOTE
                    + "' jid='" + bob.bareJid() + "'/>"))).isEqualTo("feature-not-implemented");
        }
    }

    @Test
    void aContactBothSubscribedAndInterestedGetsEachNotificationOnce() throws Exception {
        try (XmppSession alice = online("a"); XmppSession bob = online("b")) {
            subscribe(server, bob, alice);
            publish(alice, null, NOTE, "n1", note("first"), options("pubsub#send_last_published_item", "never"));
            CapsAnnouncement.announce(server, bob, NOTE + "+notify");
            assertThat(result(subscribeTo(bob, alice.bareJid(), NOTE, bob.fullJid()))).isNotNull();
            assertThat(result(subscribeTo(bob, alice.bareJid(), NOTE, bob.bareJid()))).isNotNull();

            publish(alice, null, NOTE, "n2", note("second"), null);

            assertThat(noteText(nextEvent(bob, alice.bareJid()))).isEqualTo("second");
            assertThat(events(bob.client().drain(400))).as("one notification, not three").isZero();
        }
    }

    @Test
    void anOutcastLosesItsSubscriptionAndMayNeitherSubscribeNorRead() throws Exception {
        try (XmppSession alice = online("a"); XmppSession bob = online("b")) {
            publish(alice, null, NOTE, "n1", note("open"), options("pubsub#access_model", "open",
                    "pubsub#send_last_published_item", "never"));
            result(subscribeTo(bob, alice.bareJid(), NOTE, bob.bareJid()));

            assertThat(pubsub(alice, "set", alice.bareJid(), OWNER, "<affiliations node='" + NOTE + "'><affiliation "
                    + "jid='" + bob.bareJid() + "' affiliation='outcast'/></affiliations>").attribute("type"))
                    .isEqualTo("result");

            publish(alice, null, NOTE, "n2", note("not for bob"), null);
            assertThat(events(bob.client().drain(300))).isZero();
            assertThat(errorCondition(subscribeTo(bob, alice.bareJid(), NOTE, bob.bareJid()))).isEqualTo("forbidden");
            assertThat(errorCondition(PepClients.items(bob, alice.bareJid(), NOTE, "/>"))).isEqualTo("forbidden");
            assertThat(entries(pubsub(bob, "get", alice.bareJid(), PUBSUB, "<subscriptions/>"), "subscriptions")).isEmpty();
            assertThat(entries(pubsub(bob, "get", alice.bareJid(), PUBSUB, "<affiliations/>"), "affiliations")
                    .map(e -> e.attribute("node") + " " + e.attribute("affiliation")))
                    .containsExactly(NOTE + " outcast");
        }
    }

    @Test
    void aWhitelistMemberMayReadAndSubscribeOthersMayNot() throws Exception {
        try (XmppSession alice = online("a"); XmppSession carol = online("c"); XmppSession dave = online("d")) {
            publish(alice, null, NOTE, "n1", note("members only"), options("pubsub#access_model", "whitelist"));
            XmlElement closed = PepClients.items(carol, alice.bareJid(), NOTE, "/>");
            assertThat(errorCondition(closed)).isEqualTo("not-allowed");
            assertThat(pubsubCondition(closed)).isEqualTo("closed-node");

            assertThat(pubsub(alice, "set", alice.bareJid(), OWNER, "<affiliations node='" + NOTE + "'><affiliation "
                    + "jid='" + carol.fullJid() + "' affiliation='member'/></affiliations>").attribute("type"))
                    .isEqualTo("result");

            assertThat(result(PepClients.items(carol, alice.bareJid(), NOTE, "/>")).toString())
                    .contains("members only");
            result(subscribeTo(carol, alice.bareJid(), NOTE, carol.bareJid()));
            assertThat(noteText(nextEvent(carol, alice.bareJid()))).isEqualTo("members only");
            assertThat(errorCondition(subscribeTo(dave, alice.bareJid(), NOTE, dave.bareJid())))
                    .isEqualTo("not-allowed");
            publish(alice, null, NOTE, "n2", note("second"), null);
            assertThat(noteText(nextEvent(carol, alice.bareJid()))).isEqualTo("second");
            assertThat(events(dave.client().drain(300))).isZero();
        }
    }

    @Test
    void theOwnerListsAndChangesSubscriptionsAndAffiliationsAndNobodyElseMay() throws Exception {
        try (XmppSession alice = online("a"); XmppSession bob = online("b"); XmppSession carol = online("c")) {
            publish(alice, null, NOTE, "n1", note("x"), options("pubsub#access_model", "open",
                    "pubsub#send_last_published_item", "never"));
            result(subscribeTo(bob, alice.bareJid(), NOTE, bob.fullJid()));

            XmlElement set = pubsub(alice, "set", alice.bareJid(), OWNER, "<subscriptions node='" + NOTE + "'>"
                    + "<subscription jid='" + carol.bareJid() + "' subscription='subscribed'/>"
                    + "<subscription jid='" + bob.fullJid() + "' subscription='none'/></subscriptions>");
            assertThat(set.attribute("type")).isEqualTo("result");
            XmlElement told = nextEvent(carol, alice.bareJid()).child("subscription", PepClients.EVENT).orElseThrow();
            assertThat(told.attribute("subscription")).isEqualTo("subscribed");
            assertThat(nextEvent(bob, alice.bareJid()).child("subscription", PepClients.EVENT).orElseThrow()
                    .attribute("subscription")).isEqualTo("none");

            XmlElement subscriptions = result(pubsub(alice, "get", alice.bareJid(), OWNER, "<subscriptions node='"
                    + NOTE + "'/>")).child("subscriptions", OWNER).orElseThrow();
            assertThat(subscriptions.elements().map(e -> e.attribute("jid") + " " + e.attribute("subscription")))
                    .containsExactly(carol.bareJid() + " subscribed");

            pubsub(alice, "set", alice.bareJid(), OWNER, "<affiliations node='" + NOTE + "'><affiliation jid='"
                    + bob.bareJid() + "' affiliation='member'/></affiliations>");
            XmlElement affiliations = result(pubsub(alice, "get", alice.bareJid(), OWNER, "<affiliations node='"
                    + NOTE + "'/>")).child("affiliations", OWNER).orElseThrow();
            assertThat(affiliations.elements().map(e -> e.attribute("jid") + " " + e.attribute("affiliation")))
                    .containsExactly(alice.bareJid() + " owner", bob.bareJid() + " member");
            XmlElement publisher = pubsub(alice, "set", alice.bareJid(), OWNER, "<affiliations node='" + NOTE
                    + "'><affiliation jid='" + bob.bareJid() + "' affiliation='publisher'/></affiliations>");
            assertThat(errorCondition(publisher)).isEqualTo("feature-not-implemented");
            assertThat(errorCondition(pubsub(alice, "set", alice.bareJid(), OWNER, "<affiliations node='" + NOTE
                    + "'><affiliation jid='" + alice.bareJid() + "' affiliation='none'/></affiliations>")))
                    .isEqualTo("not-acceptable");
            assertThat(entries(pubsub(alice, "get", alice.bareJid(), PUBSUB, "<affiliations/>"), "affiliations")
                    .map(e -> e.attribute("node") + " " + e.attribute("affiliation")))
                    .containsExactly(NOTE + " owner");

            for (String request : List.of("<subscriptions node='" + NOTE + "'/>", "<affiliations node='" + NOTE
                    + "'/>")) {
                assertThat(errorCondition(pubsub(bob, "get", alice.bareJid(), OWNER, request)))
                        .isEqualTo("forbidden");
            }
            assertThat(errorCondition(pubsub(bob, "set", alice.bareJid(), OWNER, "<affiliations node='" + NOTE
                    + "'><affiliation jid='" + bob.bareJid() + "' affiliation='none'/></affiliations>")))
                    .isEqualTo("forbidden");

            assertThat(pubsub(alice, "set", alice.bareJid(), OWNER, "<delete node='" + NOTE + "'/>")
                    .attribute("type")).isEqualTo("result");
            assertThat(nextEvent(carol, alice.bareJid()).child("delete", PepClients.EVENT).orElseThrow()
                    .attribute("node")).as("the subscriber hears of the deletion").isEqualTo(NOTE);
        }
    }

    @Test
    void concurrentPublishesWithConflictingOptionsLeaveTheNodeConsistent() throws Exception {
        String node = "urn:test:race";
        List<XmppSession> resources = new ArrayList<>();
        try (XmppSession first = online("r0")) {
            String user = first.bareJid().split("@")[0];
            resources.add(first);
            for (int i = 1; i < 4; i++) {
                resources.add(XmppSession.login(server, user, TestServer.passwordOf(user), "r" + i));
            }
            Map<String, String> accessById = new HashMap<>();
            for (int round = 0; round < 5; round++) {
                for (int r = 0; r < resources.size(); r++) {
                    String access = (round + r) % 2 == 0 ? "open" : "whitelist";
                    String id = "race-" + round + "-" + r;
                    accessById.put(id, access);
                    resources.get(r).send("<iq type='set' id='" + id + "'><pubsub xmlns='" + PUBSUB + "'><publish "
                            + "node='" + node + "'><item id='" + id + "'>" + note(id) + "</item></publish>"
                            + "<publish-options>" + options("pubsub#access_model", access, "pubsub#max_items", "max")
                            + "</publish-options></pubsub></iq>");
                }
            }
            Map<String, XmlElement> replies = new HashMap<>();
            for (XmppSession resource : resources) {
                for (int round = 0; round < 5; round++) {
                    XmlElement reply = resource.client().next(e -> e.name().equals("iq")
                            && accessById.containsKey(e.attribute("id")));
                    replies.put(reply.attribute("id"), reply);
                }
            }

            XmlElement form = result(first.request("<iq type='get' id='cfg'><pubsub xmlns='" + OWNER + "'><configure "
                    + "node='" + node + "'/></pubsub></iq>")).child("configure", OWNER).orElseThrow()
                    .child("x", "jabber:x:data").orElseThrow();
            String access = form.elements("field", "jabber:x:data")
                    .filter(field -> "pubsub#access_model".equals(field.attribute("var"))).findFirst().orElseThrow()
                    .childText("value", "jabber:x:data").orElseThrow();
            List<String> published = new ArrayList<>();
            replies.forEach((id, reply) -> {
                if ("result".equals(reply.attribute("type"))) {
                    published.add(id);
                    assertThat(accessById.get(id)).as("a publish that succeeded matched the node").isEqualTo(access);
                } else {
                    assertThat(pubsubCondition(reply)).as(reply.toString()).isEqualTo("precondition-not-met");
                    assertThat(accessById.get(id)).isNotEqualTo(access);
                }
            });
            List<String> stored = result(PepClients.items(first, first.bareJid(), node, "/>"))
                    .child("items", PUBSUB).orElseThrow().elements().map(e -> e.attribute("id")).toList();
            assertThat(stored).containsExactlyInAnyOrderElementsOf(published);
        } finally {
            for (XmppSession resource : resources.subList(Math.min(1, resources.size()), resources.size())) {
                resource.close();
            }
        }
    }

    @Test
    void theAccountAdvertisesTheSubscriptionFeatures() throws Exception {
        try (XmppSession alice = online("a")) {
            XmlElement info = result(alice.request("<iq type='get' id='d1' to='" + alice.bareJid()
                    + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
            assertThat(info.elements("feature", "http://jabber.org/protocol/disco#info").map(e -> e.attribute("var")))
                    .contains(PUBSUB + "#subscribe", PUBSUB + "#retrieve-subscriptions",
                            PUBSUB + "#manage-subscriptions", PUBSUB + "#modify-affiliations",
                            PUBSUB + "#retrieve-affiliations", PUBSUB + "#member-affiliation",
                            PUBSUB + "#outcast-affiliation")
                    .doesNotContain(PUBSUB + "#subscription-options", PUBSUB + "#publisher-affiliation",
                            PUBSUB + "#multi-subscribe");
        }
    }
}
