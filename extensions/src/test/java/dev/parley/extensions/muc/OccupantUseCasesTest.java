package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.parley.extensions.muc.MucClient.hasStatus;
import static dev.parley.extensions.muc.MucClient.item;
import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0045 occupant use cases (§7) end to end: messages, order, history, nicknames, private messages, leaving. */
class OccupantUseCasesTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void groupchatIsReflectedToEveryoneWithIncreasingStanzaIdsAndOccupantIds() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("talk");
            alice.createInstant(room, "alice");
            bob.join(room, "bob", "");
            alice.send("<message to='" + room + "' type='groupchat' id='a1'><body>one</body></message>");
            alice.send("<message to='" + room + "' type='groupchat' id='a2'><body>two</body></message>");
            XmlElement first = bob.next("message", room + "/alice");
            XmlElement second = bob.next("message", room + "/alice");
            XmlElement echo = alice.next("message", room + "/alice");
            assertThat(first.childText("body", "jabber:client")).contains("one");
            assertThat(echo.attribute("id")).as("§7.2.2 reflected with the sender's id").isEqualTo("a1");
            String id1 = first.child("stanza-id", "urn:xmpp:sid:0").orElseThrow().attribute("id");
            String id2 = second.child("stanza-id", "urn:xmpp:sid:0").orElseThrow().attribute("id");
            assertThat(id2).as("each message its own archive id").isNotEqualTo(id1);
            assertThat(first.child("stanza-id", "urn:xmpp:sid:0").orElseThrow().attribute("by")).isEqualTo(room);
            assertThat(first.child("occupant-id", "urn:xmpp:occupant-id:0")).isPresent();
        }
    }

    @Test
    void historyOnEntryHonoursMaxstanzasAndSubjectComesLast() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("history");
            alice.createInstant(room, "alice");
            alice.send("<message to='" + room + "' type='groupchat'><subject>Plans</subject></message>");
            for (int i = 1; i <= 3; i++) {
                alice.send("<message to='" + room + "' type='groupchat'><body>m" + i + "</body></message>");
            }
            alice.drain(300);
            bob.join(room, "bob", "<history maxstanzas='2'/>");
            XmlElement h1 = bob.next("message", room + "/alice");
            XmlElement h2 = bob.next("message", room + "/alice");
            XmlElement subject = bob.next("message", room + "/alice");
            assertThat(h1.childText("body", "jabber:client")).contains("m2");
            assertThat(h2.childText("body", "jabber:client")).contains("m3");
            assertThat(h1.child("delay", "urn:xmpp:delay")).isPresent();
            assertThat(subject.childText("subject", "jabber:client")).contains("Plans");
        }
    }

    @Test
    void nicknameConflictAndChange() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("nicks");
            alice.createInstant(room, "alice");
            assertThat(MucClient.error(bob.join(room, "alice", ""))).as("§7.2.8").isEqualTo("conflict");
            bob.join(room, "bob", "");
            alice.next("presence", room + "/bob"); // bob's arrival
            bob.send("<presence to='" + room + "/robert'/>");
            XmlElement left = alice.next("presence", room + "/bob");
            assertThat(left.attribute("type")).isEqualTo("unavailable");
            assertThat(hasStatus(left, 303)).isTrue();
            assertThat(item(left).attribute("nick")).isEqualTo("robert");
            XmlElement arrived = alice.next("presence", room + "/robert");
            assertThat(arrived.attribute("type")).isNull();
        }
    }

    @Test
    void privateMessagesGoToTheOccupantOnlyAndNonOccupantsAreRefused() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server);
             MucClient eve = MucClient.login(server)) {
            String room = room("pm");
            alice.createInstant(room, "alice");
            bob.join(room, "bob", "");
            alice.send("<message to='" + room + "/bob' type='chat'><body>psst</body></message>");
            XmlElement pm = bob.next("message", room + "/alice");
            assertThat(pm.child("x", "http://jabber.org/protocol/muc#user")).isPresent();
            eve.send("<message to='" + room + "' type='groupchat' id='e1'><body>hi</body></message>");
            XmlElement refused = eve.next("message", room);
            assertThat(MucClient.error(refused)).as("§7.4").isEqualTo("not-acceptable");
            XmlElement ping = eve.request("<iq type='get' to='" + room + "/bob' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(MucClient.error(ping)).as("XEP-0410").isEqualTo("not-acceptable");
            XmlElement selfPing = bob.request("<iq type='get' to='" + room + "/bob' id='p2'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(selfPing.attribute("type")).isEqualTo("result");
            XmlElement otherCase = bob.request("<iq type='get' to='" + room + "/BOB' id='p3'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(otherCase.attribute("type")).as("the same nickname by RFC 8266, answered by the service")
                    .isEqualTo("result");
            assertThat(otherCase.attribute("from")).isEqualTo(room + "/BOB");
        }
    }

    @Test
    void disconnectingMakesTheOccupantLeave() throws Exception {
        try (MucClient alice = MucClient.login(server)) {
            String room = room("disconnect");
            alice.createInstant(room, "alice");
            MucClient bob = MucClient.login(server);
            bob.join(room, "bob", "");
            alice.next("presence", room + "/bob"); // bob's arrival
            bob.close();
            XmlElement gone = alice.next("presence", room + "/bob");
            assertThat(gone.attribute("type")).isEqualTo("unavailable");
        }
    }

    @Test
    void leavingALockedRoomDestroysItAndEnteringAgainCreatesItAfresh() throws Exception {
        try (MucClient alice = MucClient.login(server)) {
            String room = room("again");
            alice.join(room, "alice", "");
            alice.send("<presence to='" + room + "/alice' type='unavailable'/>");
            XmlElement left = alice.next("presence", room + "/alice");
            assertThat(left.attribute("type")).isEqualTo("unavailable");
            assertThat(hasStatus(left, 110)).as("§7.14").isTrue();
            XmlElement again = alice.join(room, "alice", "");
            assertThat(hasStatus(again, 201)).isTrue();
        }
    }

    @Test
    void twoResourcesOfOneUserShareOneNickname() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("sessions");
            alice.createInstant(room, "alice");
            bob.join(room, "bob", "");
            alice.next("presence", room + "/bob");
            String user = bob.bare().substring(0, bob.bare().indexOf('@'));
            try (MucClient bobPhone = new MucClient(dev.parley.server.testing.XmppSession.login(server, user,
                    TestServer.passwordOf(user), "phone"))) {
                bobPhone.send("<presence/>");
                XmlElement self = bobPhone.join(room, "bob", "");
                assertThat(hasStatus(self, 110)).isTrue();
                assertThat(alice.drain(300)).as("one occupant: no second arrival").isEmpty();
                alice.send("<message to='" + room + "' type='groupchat'><body>both</body></message>");
                assertThat(bob.next("message", room + "/alice").toString()).contains("both");
                assertThat(bobPhone.next("message", room + "/alice").toString()).contains("both");
                bobPhone.send("<presence to='" + room + "/bob' type='unavailable'/>");
                assertThat(bobPhone.next("presence", room + "/bob").attribute("type")).isEqualTo("unavailable");
                assertThat(alice.drain(300)).as("bob is still there from his other resource")
                        .noneMatch(stanza -> stanza.name().equals("presence"));
            }
        }
    }
}
