package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.parley.extensions.muc.MucClient.hasStatus;
import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/** XEP-0045 moderator, admin and owner use cases (§§8-10) end to end, refusals included. */
class ModerationUseCasesTest {
    private static final String ADMIN_NS = "http://jabber.org/protocol/muc#admin";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void kickAndBanAreBroadcastAndABannedUserCannotReturn() throws Exception {
        try (MucClient owner = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("bans");
            owner.createInstant(room, "owner");
            bob.join(room, "bob", "");
            XmlElement kick = owner.request("<iq type='set' to='" + room + "' id='k1'><query xmlns='" + ADMIN_NS
                    + "'><item nick='bob' role='none'><reason>spam</reason></item></query></iq>");
            assertThat(kick.attribute("type")).isEqualTo("result");
            XmlElement kicked = bob.next("presence", room + "/bob");
            assertThat(hasStatus(kicked, 307)).isTrue();
            XmlElement ban = owner.request("<iq type='set' to='" + room + "' id='b1'><query xmlns='" + ADMIN_NS
                    + "'><item jid='" + bob.bare() + "' affiliation='outcast'/></query></iq>");
            assertThat(ban.attribute("type")).isEqualTo("result");
            assertThat(MucClient.error(bob.join(room, "bob", ""))).as("§7.2.7").isEqualTo("forbidden");
            XmlElement list = owner.request("<iq type='get' to='" + room + "' id='l1'><query xmlns='" + ADMIN_NS
                    + "'><item affiliation='outcast'/></query></iq>");
            assertThat(list.toString()).contains(bob.bare());
        }
    }

    @Test
    void participantsCannotKickOrConfigure() throws Exception {
        try (MucClient owner = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("rights");
            owner.createInstant(room, "owner");
            bob.join(room, "bob", "");
            XmlElement kick = bob.request("<iq type='set' to='" + room + "' id='k2'><query xmlns='" + ADMIN_NS
                    + "'><item nick='owner' role='none'/></query></iq>");
            assertThat(MucClient.error(kick)).isEqualTo("forbidden");
            XmlElement config = bob.configure(room, "muc#roomconfig_roomname", "Mine");
            assertThat(MucClient.error(config)).isEqualTo("forbidden");
        }
    }

    @Test
    void configFormRefusesUnknownFieldsAndBadValuesAndChangesNothing() throws Exception {
        try (MucClient owner = MucClient.login(server)) {
            String room = room("config");
            owner.createInstant(room, "owner");
            assertThat(MucClient.error(owner.configure(room, "muc#roomconfig_bogus", "1"))).isEqualTo("bad-request");
            assertThat(MucClient.error(owner.configure(room, "muc#roomconfig_roomname", "New",
                    "muc#roomconfig_maxusers", "lots"))).isEqualTo("bad-request");
            XmlElement form = owner.request("<iq type='get' to='" + room + "' id='f1'><query xmlns='"
                    + "http://jabber.org/protocol/muc#owner'/></iq>");
            assertThat(form.toString()).doesNotContain("New").contains("muc#roomconfig_whois")
                    .contains("muc#roomconfig_roomowners");
        }
    }

    @Test
    void membersOnlyRoomsNeedMembershipAndInvitationsGrantIt() throws Exception {
        try (MucClient owner = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("members");
            owner.join(room, "owner", "");
            owner.configure(room, "muc#roomconfig_membersonly", "1");
            assertThat(MucClient.error(bob.join(room, "bob", ""))).as("§7.2.6").isEqualTo("registration-required");
            owner.send("<message to='" + room + "'><x xmlns='http://jabber.org/protocol/muc#user'><invite to='"
                    + bob.bare() + "'><reason>join us</reason></invite></x></message>");
            XmlElement invitation = bob.next("message", room);
            assertThat(invitation.toString()).contains("invite").contains(owner.jid());
            XmlElement self = bob.join(room, "bob", "");
            assertThat(MucClient.item(self).attribute("affiliation")).isEqualTo("member");
        }
    }

    @Test
    void fullRoomsRefuseNewcomersButNotAdmins() throws Exception {
        try (MucClient owner = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("full");
            owner.join(room, "owner", "");
            owner.configure(room, "muc#roomconfig_maxusers", "1");
            assertThat(MucClient.error(bob.join(room, "bob", ""))).as("§7.2.9").isEqualTo("service-unavailable");
        }
    }

    @Test
    void destructionTellsOccupantsTheAlternateVenue() throws Exception {
        try (MucClient owner = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("doomed");
            owner.createInstant(room, "owner");
            bob.join(room, "bob", "");
            XmlElement reply = owner.request("<iq type='set' to='" + room + "' id='d1'><query xmlns='"
                    + "http://jabber.org/protocol/muc#owner'><destroy jid='" + room("next") + "'><reason>moved"
                    + "</reason></destroy></query></iq>");
            assertThat(reply.attribute("type")).isEqualTo("result");
            XmlElement gone = bob.next("presence", room + "/bob");
            assertThat(gone.toString()).contains("destroy").contains(room("next"));
            XmlElement info = bob.request("<iq type='get' to='" + room + "' id='d2'><query xmlns='"
                    + "http://jabber.org/protocol/disco#info'/></iq>");
            assertThat(MucClient.error(info)).isEqualTo("item-not-found");
        }
    }
}
