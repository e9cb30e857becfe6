package dev.parley.extensions.muc;

import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.parley.extensions.muc.MucClient.room;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0280 §6.1 on private messages in a room: what a user sends to an occupant is copied to the user's other clients
 * joined to that room (a multi-session nick, XEP-0045 §7.2.1), not to clients that are not in the room and could not
 * answer it; other messages are copied as ever.
 */
class RoomPrivateMessageCarbonsTest {
    private static final String CARBONS = "urn:xmpp:carbons:2";
    private static final String FORWARD = "urn:xmpp:forward:0";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aPrivateMessageToAnOccupantIsCopiedOnlyToTheSendersClientsInThatRoom() throws Exception {
        try (MucClient phone = MucClient.login(server); MucClient bob = MucClient.login(server);
             MucClient tablet = sameAccount(phone, "tablet"); MucClient laptop = sameAccount(phone, "laptop")) {
            for (MucClient client : List.of(phone, tablet, laptop)) {
                XmlElement enabled = client.request("<iq type='set' id='carbons-" + client.jid().hashCode()
                        + "'><enable xmlns='" + CARBONS + "'/></iq>");
                assertThat(enabled.attribute("type")).isEqualTo("result");
            }
            String room = room("whispers");
            phone.createInstant(room, "alice");
            assertThat(tablet.join(room, "alice", "").attribute("type")).as("the same nickname from a second client")
                    .isNull();
            bob.join(room, "bob", "");
            for (MucClient client : List.of(phone, tablet, laptop, bob)) {
                client.drain(300);
            }

            phone.send("<message type='chat' to='" + room + "/bob' id='pm-1'><body>psst</body>"
                    + "<x xmlns='http://jabber.org/protocol/muc#user'/></message>");
            assertThat(bob.next("message", room + "/alice").childText("body", "jabber:client")).contains("psst");
            XmlElement copy = tablet.session().client().next(m -> m.name().equals("message")
                    && m.child("sent", CARBONS).isPresent());
            assertThat(forwardedId(copy)).as("the tablet is in the room under the same nickname").isEqualTo("pm-1");
            assertThat(laptop.drain(500)).as("the laptop is not in the room: no copy it could not answer")
                    .noneMatch(stanza -> stanza.name().equals("message"));

            phone.send("<message type='chat' to='" + bob.bare() + "' id='chat-1'><body>hi</body></message>");
            XmlElement chatCopy = laptop.session().client().next(m -> m.name().equals("message")
                    && m.child("sent", CARBONS).isPresent());
            assertThat(forwardedId(chatCopy)).as("a one-to-one message is copied as ever").isEqualTo("chat-1");
        }
    }

    private static MucClient sameAccount(MucClient client, String resource) throws Exception {
        String user = client.bare().substring(0, client.bare().indexOf('@'));
        MucClient other = new MucClient(XmppSession.login(server, user, TestServer.passwordOf(user), resource));
        other.send("<presence/>");
        return other;
    }

    private static String forwardedId(XmlElement carbon) {
        return carbon.child("sent", CARBONS).orElseThrow().child("forwarded", FORWARD).orElseThrow()
                .child("message", "jabber:client").orElseThrow().attribute("id");
    }
}
