package dev.parley.server.pep;

import static dev.parley.server.pep.PepClients.items;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PEP (XEP-0163) on a real server, notifications filtered by the capabilities (XEP-0115) test clients announce. */
class PepTest {
    private static final String TUNE = "http://jabber.org/protocol/tune";
    private static final String DEVICES = "eu.siacs.conversations.axolotl.devicelist";
    private static final String BOOKMARKS = "urn:xmpp:bookmarks:1";
    @RegisterExtension
    static final TestServer server = TestServer.perClass("limits:\n  pep-item-bytes: 2048\n");

    private static String tune(String title) {
        return "<tune xmlns='" + TUNE + "'><title>" + title + "</title></tune>";
    }

    private static List<XmlElement> itemsOf(XmlElement reply) throws Exception {
        return result(reply).child("items", PepClients.PUBSUB).orElseThrow().elements().toList();
    }

    private static XmppSession online(String resource) throws Exception {
        XmppSession session = XmppSession.loginFresh(server, resource);
        session.send("<presence/>");
        session.request("<iq type='get' id='sync' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        return session;
    }

    @Test
    void theOwnerPublishesWithAutoCreateAndRetrievesAndDiscoShowsThePepService() throws Exception {
        try (XmppSession alice = online("a")) {
            XmlElement published = publish(alice, null, TUNE, null, tune("Yesterday"), null);
            String id = result(published).child("publish", PepClients.PUBSUB).orElseThrow()
                    .child("item", PepClients.PUBSUB).orElseThrow().attribute("id");
            assertThat(id).as("the service chose an id").isNotBlank();

            List<XmlElement> items = itemsOf(items(alice, alice.bareJid(), TUNE, "/>"));
            assertThat(items).hasSize(1);
            assertThat(items.getFirst().attribute("id")).isEqualTo(id);
            assertThat(items.getFirst().firstChild().orElseThrow().childText("title", TUNE)).contains("Yesterday");

            XmlElement info = result(alice.request("<iq type='get' id='d1' to='" + alice.bareJid()
                    + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
            assertThat(info.elements("identity", "http://jabber.org/protocol/disco#info")
                    .map(e -> e.attribute("category") + "/" + e.attribute("type")))
                    .contains("account/registered", "pubsub/pep");
            assertThat(info.elements("feature", "http://jabber.org/protocol/disco#info").map(e -> e.attribute("var")))
                    .contains(PepClients.PUBSUB + "#publish", PepClients.PUBSUB + "#publish-options",
                            PepClients.PUBSUB + "#auto-create", PepClients.PUBSUB + "#filtered-notifications");
            XmlElement discoItems = result(alice.request("<iq type='get' id='d2' to='" + alice.bareJid()
                    + "'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>"));
            assertThat(discoItems.elements().map(e -> e.attribute("node"))).containsExactly(TUNE);
        }
    }

    @Test
    void bookmarksArePrivateAndKeepEveryItem() throws Exception {
        String bookmarkOptions = options("pubsub#persist_items", "true", "pubsub#max_items", "max",
                "pubsub#send_last_published_item", "never", "pubsub#access_model", "whitelist");
        try (XmppSession alice = online("a"); XmppSession bob = online("b")) {
            subscribe(server, bob, alice);
            for (String room : List.of("one@muc.localhost", "two@muc.localhost")) {
                XmlElement reply = publish(alice, null, BOOKMARKS, room, "<conference xmlns='urn:xmpp:bookmarks:1' "
                        + "autojoin='true'/>", bookmarkOptions);
                assertThat(reply.attribute("type")).isEqualTo("result");
            }

            assertThat(itemsOf(items(alice, alice.bareJid(), BOOKMARKS, "/>")).stream().map(e -> e.attribute("id")))
                    .containsExactly("one@muc.localhost", "two@muc.localhost");
            XmlElement refused = items(bob, alice.bareJid(), BOOKMARKS, "/>");
            assertThat(errorCondition(refused)).isEqualTo("not-allowed");
            assertThat(pubsubCondition(refused)).isEqualTo("closed-node");

            XmlElement mismatch = publish(alice, null, BOOKMARKS, "three@muc.localhost",
                    "<conference xmlns='urn:xmpp:bookmarks:1'/>", options("pubsub#access_model", "open"));
            assertThat(errorCondition(mismatch)).isEqualTo("conflict");
            assertThat(pubsubCondition(mismatch)).isEqualTo("precondition-not-met");
            assertThat(itemsOf(items(alice, alice.bareJid(), BOOKMARKS, "/>"))).hasSize(2);
        }
    }

    @Test
    void anOmemoDeviceListReachesASubscribedContactThatWantsIt() throws Exception {
        try (XmppSession alice = online("a"); XmppSession bob = online("b")) {
            subscribe(server, bob, alice);
            try (XmppSession bobOther = XmppSession.login(server, bob.bareJid().split("@")[0],
                    TestServer.passwordOf(bob.bareJid().split("@")[0]), "other")) {
                bobOther.send("<presence/>");
                CapsAnnouncement.announce(server, bob, DEVICES + "+notify");
                CapsAnnouncement.announce(server, alice, DEVICES + "+notify");

                // Sent without waiting for the reply, which Iqs would wait for by skipping the owner's own event.
                alice.send("<iq type='set' id='p1'><pubsub xmlns='" + PepClients.PUBSUB + "'><publish node='"
                        + DEVICES + "'><item id='current'><list xmlns='eu.siacs.conversations.axolotl'><device "
                        + "id='12345'/></list></item></publish><publish-options>"
                        + options("pubsub#access_model", "open") + "</publish-options></pubsub></iq>");

                for (XmppSession receiver : List.of(bob, alice)) {
                    XmlElement items = nextEvent(receiver, alice.bareJid()).child("items", PepClients.EVENT)
                            .orElseThrow();
                    assertThat(items.attribute("node")).isEqualTo(DEVICES);
                    assertThat(items.child("item", PepClients.EVENT).orElseThrow().attribute("id"))
                            .isEqualTo("current");
                }
                assertThat(bobOther.client().drain(300)).as("no +notify, no notification")
                        .noneMatch(e -> e.name().equals("message"));

                XmlElement retracted = alice.request("<iq type='set' id='r1'><pubsub xmlns='" + PepClients.PUBSUB
                        + "'><retract node='"
                        + DEVICES + "' notify='true'><item id='current'/></retract></pubsub></iq>");
                assertThat(retracted.attribute("type")).as(retracted.toString()).isEqualTo("result");
                assertThat(nextEvent(bob, alice.bareJid()).child("items", PepClients.EVENT).orElseThrow()
                        .child("retract", PepClients.EVENT).orElseThrow().attribute("id")).isEqualTo("current");
            }
        }
    }

    @Test
    void aResourceThatShowsInterestGetsTheLastItemOfTheAccountsItSees() throws Exception {
        try (XmppSession alice = online("a"); XmppSession bob = online("b")) {
            subscribe(server, bob, alice);
            publish(alice, null, TUNE, "t1", tune("First"), null);
            publish(alice, null, TUNE, "t2", tune("Second"), null);

            CapsAnnouncement.announce(server, bob, TUNE + "+notify");

            XmlElement item = nextEvent(bob, alice.bareJid()).child("items", PepClients.EVENT).orElseThrow()
                    .child("item", PepClients.EVENT).orElseThrow();
            assertThat(item.attribute("id")).isEqualTo("t2");
            assertThat(item.firstChild().orElseThrow().childText("title", TUNE)).contains("Second");
        }
    }

    @Test
    void othersMayNotPublishAndStrangersMayNotReadPresenceNodes() throws Exception {
        try (XmppSession alice = online("a"); XmppSession stranger = online("s")) {
            publish(alice, null, TUNE, "t1", tune("Mine"), null);

            assertThat(errorCondition(publish(stranger, alice.bareJid(), TUNE, "x", tune("Theirs"), null)))
                    .isEqualTo("forbidden");
            assertThat(errorCondition(stranger.request("<iq type='set' id='r2' to='" + alice.bareJid()
                    + "'><pubsub xmlns='" + PepClients.PUBSUB + "'><retract node='" + TUNE
                    + "'><item id='t1'/></retract></pubsub></iq>"))).isEqualTo("forbidden");
            XmlElement refused = items(stranger, alice.bareJid(), TUNE, "/>");
            assertThat(errorCondition(refused)).isEqualTo("not-authorized");
            assertThat(pubsubCondition(refused)).isEqualTo("presence-subscription-required");
            assertThat(result(stranger.request("<iq type='get' id='d3' to='" + alice.bareJid()
                    + "'><query xmlns='http://jabber.org/protocol/disco#items'/></iq>")).elements())
                    .as("nodes the stranger may not access are not listed").isEmpty();
            assertThat(itemsOf(items(alice, alice.bareJid(), TUNE, "/>")).getFirst().firstChild().orElseThrow()
                    .childText("title", TUNE)).contains("Mine");
        }
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        try (XmppSession alice = online("a")) {
            publish(alice, null, TUNE, "t1", tune("Small"), null);

            XmlElement tooBig = publish(alice, null, TUNE, "t2", tune("x".repeat(3000)), null);
            assertThat(errorCondition(tooBig)).isEqualTo("not-acceptable");
            assertThat(pubsubCondition(tooBig)).isEqualTo("payload-too-big");
            assertThat(errorCondition(publish(alice, null, TUNE, "t3", tune("Form"),
                    "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:other</value>"
                            + "</field></x>"))).isEqualTo("bad-request");
            assertThat(errorCondition(publish(alice, null, TUNE, "t4", tune("Max"),
                    options("pubsub#max_items", "many")))).isEqualTo("bad-request");
            assertThat(errorCondition(publish(alice, null, TUNE, "t5", "<a xmlns='x'/><b xmlns='x'/>", null)))
                    .isEqualTo("bad-request");
            assertThat(itemsOf(items(alice, alice.bareJid(), TUNE, "/>")).stream().map(e -> e.attribute("id")))
                    .containsExactly("t1");

            XmlElement unknown = items(alice, alice.bareJid(), "urn:nothing", "/>");
            assertThat(errorCondition(unknown)).isEqualTo("item-not-found");
            assertThat(errorCondition(items(alice, alice.bareJid(), TUNE, " max_items='0'/>")))
                    .isEqualTo("bad-request");
        }
    }

    @Test
    void theOwnerConfiguresPurgesAndDeletesNodes() throws Exception {
        String owner = PepClients.PUBSUB + "#owner";
        try (XmppSession alice = online("a")) {
            publish(alice, null, "urn:test:node", "1", tune("a"), options("pubsub#max_items", "5"));
            publish(alice, null, "urn:test:node", "2", tune("b"), null);
            publish(alice, null, "urn:test:node", "3", tune("c"), null);

            XmlElement form = result(alice.request("<iq type='get' id='c1'><pubsub xmlns='" + owner
                    + "'><configure node='urn:test:node'/></pubsub></iq>"));
            assertThat(form.toString()).contains("pubsub#max_items").contains("<value>5</value>");
            assertThat(alice.request("<iq type='set' id='c2'><pubsub xmlns='" + owner + "'><configure "
                    + "node='urn:test:node'><x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>"
                    + NodeConfig.FORM_TYPE + "</value></field><field var='pubsub#max_items'><value>2</value>"
                    + "</field></x></configure></pubsub></iq>").attribute("type")).isEqualTo("result");
            assertThat(itemsOf(items(alice, alice.bareJid(), "urn:test:node", "/>")).stream()
                    .map(e -> e.attribute("id"))).containsExactly("2", "3");

            assertThat(alice.request("<iq type='set' id='c3'><pubsub xmlns='" + owner
                    + "'><purge node='urn:test:node'/></pubsub></iq>").attribute("type")).isEqualTo("result");
            assertThat(itemsOf(items(alice, alice.bareJid(), "urn:test:node", "/>"))).isEmpty();
            assertThat(alice.request("<iq type='set' id='c4'><pubsub xmlns='" + owner
                    + "'><delete node='urn:test:node'/></pubsub></iq>").attribute("type")).isEqualTo("result");
            assertThat(errorCondition(items(alice, alice.bareJid(), "urn:test:node", "/>")))
                    .isEqualTo("item-not-found");
        }
    }
}
