package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals that must change nothing and reach nobody else: mediated invitations and declines without a valid JID
 * (XEP-0045 §7.8.2), voice requests faster than the service's pace ({@code muc.voice-request-interval}, §7.13), and
 * room creation by users the {@code muc.room-creation} setting excludes (§10.1.1).
 */
class RoomRefusalsTest {
    private static final String USER = "http://jabber.org/protocol/muc#user";
    private static final String VOICE_REQUEST = "<x xmlns='jabber:x:data' type='submit'>"
            + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#request</value></field>"
            + "<field var='muc#role'><value>participant</value></field></x>";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void invitationsAndDeclinesWithoutAValidJidAreJidMalformedAndSendNothing() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("invites");
            alice.createInstant(room, "alice");
            alice.configure(room, "muc#roomconfig_membersonly", "1");
            alice.drain(300); // the configuration change notice (status 104)
            String[] invites = {
                    "<invite/>",
                    "<invite to=''/>",
                    "<invite to='@localhost'/>",
                    "<invite to='" + bob.bare() + "'/><invite to='a@b@c'/>" // one bad invite spoils the lot
            };
            for (String invite : invites) {
                XmlElement reply = alice.messageReply(room, "<x xmlns='" + USER + "'>" + invite + "</x>");
                assertThat(MucClient.error(reply)).as(invite).isEqualTo("jid-malformed");
            }
            assertThat(bob.drain(300)).as("no invitation went out").noneMatch(e -> e.name().equals("message"));
            assertThat(MucClient.error(bob.join(room, "bob", ""))).as("nobody became a member")
                    .isEqualTo("registration-required");

            for (String decline : new String[] {"<decline/>", "<decline to='x@@y'/>"}) {
                XmlElement reply = bob.messageReply(room, "<x xmlns='" + USER + "'>" + decline + "</x>");
                assertThat(MucClient.error(reply)).as(decline).isEqualTo("jid-malformed");
            }
            assertThat(alice.drain(300)).as("no decline went out").noneMatch(e -> e.name().equals("message"));
        }
    }

    @Test
    void aSecondVoiceRequestWithinTheIntervalIsRefusedAndReachesNoModerator() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("voice");
            alice.createInstant(room, "alice");
            alice.configure(room, "muc#roomconfig_moderatedroom", "1");
            bob.join(room, "bob", "");
            alice.drain(300);
            bob.send("<message to='" + room + "'>" + VOICE_REQUEST + "</message>");
            XmlElement approval = alice.next("message", room);
            assertThat(approval.child("x", "jabber:x:data")).isPresent();

            XmlElement refused = bob.messageReply(room, VOICE_REQUEST);
            assertThat(MucClient.error(refused)).isEqualTo("policy-violation");
            assertThat(alice.drain(300)).as("the moderator is not asked twice").isEmpty();
        }
    }

    @Test
    void aConfiguredVoiceRequestIntervalLetsTheNextRequestThroughOnceItPassed() throws Exception {
        try (TestServer paced = TestServer.start("muc: {voice-request-interval: 3s}");
             MucClient alice = MucClient.login(paced); MucClient bob = MucClient.login(paced)) {
            String room = room("paced");
            alice.createInstant(room, "alice");
            alice.configure(room, "muc#roomconfig_moderatedroom", "1");
            bob.join(room, "bob", "");
            alice.drain(300);
            bob.send("<message to='" + room + "'>" + VOICE_REQUEST + "</message>");
            alice.next("message", room);
            assertThat(MucClient.error(bob.messageReply(room, VOICE_REQUEST))).as("within the interval")
                    .isEqualTo("policy-violation");

            Thread.sleep(3_100);
            bob.send("<message to='" + room + "'>" + VOICE_REQUEST + "</message>");
            XmlElement approval = alice.next("message", room);
            assertThat(approval.child("x", "jabber:x:data")).as("the interval passed: the moderator is asked again")
                    .isPresent();
            assertThat(bob.drain(300)).as("not refused").noneMatch(e -> "error".equals(e.attribute("type")));
        }
    }

    @Test
    void onlyAdminsCreateRoomsWhenTheServiceSaysSoAndOthersStillJoin() throws Exception {
        try (TestServer restricted = TestServer.start("muc: {room-creation: admins}")) {
            restricted.addUser("admin", TestServer.passwordOf("admin"));
            try (MucClient admin = new MucClient(XmppSession.login(restricted, "admin", TestServer.passwordOf("admin"),
                    "muc")); MucClient user = MucClient.login(restricted)) {
                admin.send("<presence/>");
                String room = room("staff");
                XmlElement refused = user.join(room, "user", "");
                assertThat(MucClient.error(refused)).as("§10.1.1").isEqualTo("not-allowed");
                XmlElement info = user.request("<iq type='get' to='" + room + "' id='" + MucClient.id() + "'><query "
                        + "xmlns='http://jabber.org/protocol/disco#info'/></iq>");
                assertThat(MucClient.error(info)).as("no room was made").isEqualTo("item-not-found");

                admin.createInstant(room, "admin");
                assertThat(user.join(room, "user", "").attribute("type")).as("joining is not creating").isNull();
            }
        }
    }
}
