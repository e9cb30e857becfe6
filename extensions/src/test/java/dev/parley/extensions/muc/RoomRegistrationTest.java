package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reserved nicknames end to end: registration (XEP-0045 §7.10), discovering the reserved nickname (§7.12), reserving
 * through the member list (§9.3, §9.5), and nobody else taking a reserved nickname (§7.2.9, §7.6).
 */
class RoomRegistrationTest {
    private static final String REGISTER = "jabber:iq:register";
    private static final String DATA = "jabber:x:data";
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String ADMIN = "http://jabber.org/protocol/muc#admin";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void registeringReservesTheNicknameForTheNewMemberOnly() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server);
             MucClient carol = MucClient.login(server)) {
            String room = room("register");
            alice.createInstant(room, "alice");

            XmlElement form = bob.request(registerGet(room)).child("query", REGISTER).orElseThrow()
                    .child("x", DATA).orElseThrow();
            assertThat(form.elements("field", DATA).map(f -> f.attribute("var")))
                    .contains("FORM_TYPE", "muc#register_roomnick");
            assertThat(bob.request(register(room, "Bobby")).attribute("type")).isEqualTo("result");

            XmlElement registered = bob.request(registerGet(room)).child("query", REGISTER).orElseThrow();
            assertThat(registered.child("registered", REGISTER)).isPresent();
            assertThat(registered.childText("username", REGISTER)).contains("Bobby");
            assertThat(reservedNick(bob, room)).isEqualTo("Bobby");
            assertThat(reservedNick(carol, room)).as("§7.12: an empty query when none").isNull();
            assertThat(memberNicks(alice, room)).containsExactly(bob.bare() + "=Bobby");

            assertThat(MucClient.error(carol.join(room, "bobby", ""))).isEqualTo("conflict");
            carol.join(room, "carol", "");
            alice.drain(300);
            carol.send("<presence to='" + room + "/BOBBY'/>");
            assertThat(MucClient.error(carol.next("presence", room + "/BOBBY"))).isEqualTo("conflict");
            assertThat(MucClient.error(carol.request(register(room, "bobby")))).as("§7.10").isEqualTo("conflict");
            assertThat(alice.drain(300)).as("refusals are broadcast to nobody").isEmpty();
            assertThat(memberNicks(alice, room)).as("and change nothing").containsExactly(bob.bare() + "=Bobby");

            assertThat(bob.join(room, "Bobby", "").attribute("type")).as("the holder takes it").isNull();
        }
    }

    @Test
    void badRegistrationsAreRefusedAndChangeNothing() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient bob = MucClient.login(server)) {
            String room = room("badregister");
            alice.createInstant(room, "alice");
            String noFormType = "<iq type='set' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='"
                    + REGISTER + "'><x xmlns='" + DATA + "' type='submit'><field var='muc#register_roomnick'>"
                    + "<value>bob</value></field></x></query></iq>";
            assertThat(MucClient.error(bob.request(noFormType))).isEqualTo("bad-request");
            assertThat(MucClient.error(bob.request(register(room, "  ")))).isEqualTo("bad-request");
            assertThat(MucClient.error(bob.request(register(room, "b".repeat(65))))).isEqualTo("not-acceptable");
            assertThat(memberNicks(alice, room)).isEmpty();

            alice.configure(room, "muc#roomconfig_membersonly", "1");
            assertThat(MucClient.error(bob.request(registerGet(room)))).isEqualTo("not-allowed");
            assertThat(MucClient.error(bob.request(register(room, "bob")))).isEqualTo("not-allowed");
            assertThat(memberNicks(alice, room)).isEmpty();
        }
    }

    @Test
    void theMemberListReservesAndFreesNicknames() throws Exception {
        try (MucClient alice = MucClient.login(server); MucClient carol = MucClient.login(server)) {
            String room = room("memberlist");
            alice.createInstant(room, "alice");
            assertThat(alice.request(setMember(room, "dave@localhost", "Dave")).attribute("type")).isEqualTo("result");
            assertThat(memberNicks(alice, room)).containsExactly("dave@localhost=Dave");
            assertThat(MucClient.error(alice.request(setMember(room, "eve@localhost", "DAVE"))))
                    .isEqualTo("conflict");
            assertThat(memberNicks(alice, room)).as("eve was not added").containsExactly("dave@localhost=Dave");
            assertThat(MucClient.error(carol.join(room, "dave", ""))).isEqualTo("conflict");

            assertThat(alice.request(setMember(room, "dave@localhost", "")).attribute("type")).isEqualTo("result");
            assertThat(memberNicks(alice, room)).as("§9.5: an empty nick frees it").containsExactly("dave@localhost");
            assertThat(carol.join(room, "dave", "").attribute("type")).isNull();
        }
    }

    static String registerGet(String room) {
        return "<iq type='get' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='" + REGISTER + "'/></iq>";
    }

    static String register(String room, String nick) {
        return "<iq type='set' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='" + REGISTER + "'>"
                + "<x xmlns='" + DATA + "' type='submit'><field var='FORM_TYPE'>"
                + "<value>http://jabber.org/protocol/muc#register</value></field>"
                + "<field var='muc#register_roomnick'><value>" + nick + "</value></field></x></query></iq>";
    }

    /** §7.12: the reserved nickname, or null when the room returns an empty query. */
    static String reservedNick(MucClient client, String room) throws Exception {
        XmlElement query = client.request("<iq type='get' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='"
                + DISCO_INFO + "' node='x-roomuser-item'/></iq>").child("query", DISCO_INFO).orElseThrow();
        assertThat(query.attribute("node")).isEqualTo("x-roomuser-item");
        return query.child("identity", DISCO_INFO).map(i -> i.attribute("name")).orElse(null);
    }

    /** The member list as "jid=nick" (or "jid" without a nick). */
    static List<String> memberNicks(MucClient admin, String room) throws Exception {
        XmlElement reply = admin.request("<iq type='get' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='"
                + ADMIN + "'><item affiliation='member'/></query></iq>");
        return reply.child("query", ADMIN).orElseThrow().elements("item", ADMIN)
                .map(i -> i.attribute("jid") + (i.attribute("nick") == null ? "" : "=" + i.attribute("nick")))
                .toList();
    }

    private static String setMember(String room, String jid, String nick) {
        return "<iq type='set' to='" + room + "' id='" + MucClient.id() + "'><query xmlns='" + ADMIN + "'>"
                + "<item affiliation='member' jid='" + jid + "' nick='" + nick + "'/></query></iq>";
    }
}
