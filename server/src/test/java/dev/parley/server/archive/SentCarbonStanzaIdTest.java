package dev.parley.server.archive;

import static dev.parley.server.archive.MamClient.form;
import static dev.parley.server.archive.MamClient.query;
import static dev.parley.server.archive.MamClient.stanzaId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.archive.MamClient.Answer;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XEP-0313 §5.1.1 with XEP-0280 on a real server: the sent carbon that one client of an account (alice's laptop) gets
 * of what another (her phone) sent forwards the message with the {@code <stanza-id/>} of alice's own archive entry,
 * the id her MAM query returns, and a message that is not archived is forwarded without one.
 */
class SentCarbonStanzaIdTest {
    private static final String SID = "urn:xmpp:sid:0";
    private static final String CARBONS = "urn:xmpp:carbons:2";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private XmppSession phone;
    private XmppSession laptop;
    private XmppSession bob;

    @BeforeEach
    void login() throws Exception {
        phone = XmppSession.loginFresh(server, "phone");
        String alice = phone.bareJid().substring(0, phone.bareJid().indexOf('@'));
        laptop = XmppSession.login(server, alice, TestServer.passwordOf(alice), "laptop");
        bob = XmppSession.loginFresh(server, "pc");
        for (XmppSession session : new XmppSession[] {phone, laptop, bob}) {
            MamClient.online(session);
        }
        XmlElement enabled = laptop.request("<iq type='set' id='carbons'><enable xmlns='" + CARBONS + "'/></iq>");
        assertThat(enabled.attribute("type")).isEqualTo("result");
    }

    @AfterEach
    void close() throws Exception {
        phone.close();
        laptop.close();
        bob.close();
    }

    @Test
    void theSentCarbonCarriesTheIdOfTheSendersArchiveEntry() throws Exception {
        // A stanza-id a client claims for its own account is a forgery (XEP-0359 §5) and must not reach the copy.
        phone.send("<message type='chat' id='m1' to='" + bob.bareJid() + "'><body>archived</body><stanza-id xmlns='"
                + SID + "' by='" + phone.bareJid() + "' id='forged'/></message>");

        XmlElement forwarded = sentCarbon();
        assertThat(forwarded.attribute("id")).isEqualTo("m1");
        assertThat(forwarded.elements("stanza-id", SID)).as("one id, the server's").hasSize(1);
        XmlElement stanzaId = stanzaId(forwarded, phone.bareJid());
        assertThat(stanzaId).isNotNull();
        Answer archive = query(laptop, form("with", bob.bareJid()));
        assertThat(archive.bodies()).containsExactly("archived");
        assertThat(archive.ids()).containsExactly(stanzaId.attribute("id"));

        XmlElement delivered = bob.client().next("message");
        assertThat(stanzaId(delivered, phone.bareJid())).as("the recipient never sees the sender's archive id")
                .isNull();
        assertThat(stanzaId(delivered, bob.bareJid()).attribute("id")).isNotEqualTo(stanzaId.attribute("id"));
    }

    @Test
    void aMessageWithoutBodyIsCopiedWithoutStanzaId() throws Exception {
        phone.send("<message type='chat' id='m2' to='" + bob.bareJid() + "'>"
                + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>");

        XmlElement forwarded = sentCarbon();
        assertThat(forwarded.attribute("id")).isEqualTo("m2");
        assertThat(forwarded.elements("stanza-id", SID)).isEmpty();
        assertThat(query(laptop, "").results()).as("nothing was archived").isEmpty();
    }

    @Test
    void anErrorIsCopiedWithoutStanzaId() throws Exception {
        phone.send("<message type='error' id='m3' to='" + bob.fullJid() + "'><body>echoed</body>"
                + "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
                + "</message>");

        XmlElement forwarded = sentCarbon();
        assertThat(forwarded.attribute("id")).isEqualTo("m3");
        assertThat(forwarded.elements("stanza-id", SID)).isEmpty();
        assertThat(query(laptop, "").results()).as("nothing was archived").isEmpty();
    }

    /** The message inside the next {@code <sent/>} carbon the laptop gets. */
    private XmlElement sentCarbon() throws Exception {
        XmlElement copy = laptop.client().next(e -> e.name().equals("message")
                && e.child("sent", CARBONS).isPresent());
        assertThat(copy.attribute("from")).isEqualTo(laptop.bareJid());
        return copy.child("sent", CARBONS).orElseThrow().child("forwarded", "urn:xmpp:forward:0").orElseThrow()
                .child("message", "jabber:client").orElseThrow();
    }
}
