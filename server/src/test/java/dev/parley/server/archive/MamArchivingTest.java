package dev.parley.server.archive;

import static dev.parley.server.archive.MamClient.chat;
import static dev.parley.server.archive.MamClient.form;
import static dev.parley.server.archive.MamClient.query;
import static dev.parley.server.archive.MamClient.rsm;
import static dev.parley.server.archive.MamClient.stanzaId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.archive.MamClient.Answer;
import dev.parley.server.testing.Iqs;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What gets archived, with which ids, on a real server: XEP-0313 §5, XEP-0359, XEP-0334 hints, XEP-0441 prefs. */
class MamArchivingTest {
    private static final String SID = "urn:xmpp:sid:0";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private XmppSession alice;
    private XmppSession bob;

    @BeforeEach
    void login() throws Exception {
        alice = XmppSession.loginFresh(server, "phone");
        bob = XmppSession.loginFresh(server, "pc");
        MamClient.online(bob);
    }

    @AfterEach
    void close() throws Exception {
        alice.close();
        bob.close();
    }

    @Test
    void accountsAdvertiseTheArchiveAndStanzaIds() throws Exception {
        XmlElement info = Iqs.result(alice.request("<iq type='get' id='d' to='" + alice.bareJid()
                + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));

        assertThat(info.elements("feature", "http://jabber.org/protocol/disco#info").map(f -> f.attribute("var")))
                .contains("urn:xmpp:mam:2", "urn:xmpp:mam:2#extended", SID);
    }

    @Test
    void theDeliveredMessageCarriesTheRecipientsArchiveIdAndBothArchivesHoldIt() throws Exception {
        XmlElement delivered = chat(alice, bob, "hello bob", "");

        XmlElement stanzaId = stanzaId(delivered, bob.bareJid());
        assertThat(stanzaId).isNotNull();
        assertThat(delivered.elements("stanza-id", SID)).hasSize(1);
        Answer bobs = query(bob, "");
        assertThat(bobs.ids()).containsExactly(stanzaId.attribute("id"));
        assertThat(MamClient.forwarded(bobs.results().getFirst()).attribute("from")).isEqualTo(alice.fullJid());
        Answer alices = query(alice, form("with", bob.bareJid()));
        assertThat(alices.bodies()).containsExactly("hello bob");
        assertThat(alices.ids()).as("separate archives, separate ids").doesNotContain(stanzaId.attribute("id"));
    }

    @Test
    void forgedStanzaIdsAreStrippedAndOthersKept() throws Exception {
        XmlElement delivered = chat(alice, bob, "forged", "<stanza-id xmlns='" + SID + "' by='" + bob.bareJid()
                + "' id='forged-1'/><stanza-id xmlns='" + SID + "' by='" + TestServer.DOMAIN + "' id='forged-2'/>"
                + "<stanza-id xmlns='" + SID + "' by='" + alice.bareJid() + "' id='forged-3'/>"
                + "<stanza-id xmlns='" + SID + "' by='room@muc.example.org' id='theirs'/>");

        assertThat(delivered.elements("stanza-id", SID).map(e -> e.attribute("id")))
                .doesNotContain("forged-1", "forged-2", "forged-3").contains("theirs").hasSize(2);
        assertThat(stanzaId(delivered, bob.bareJid()).attribute("id"))
                .isEqualTo(query(bob, "").ids().getFirst());
    }

    @Test
    void aResentOriginIdIsAcknowledgedButNeitherDeliveredNorArchivedAgain() throws Exception {
        String originId = "<origin-id xmlns='" + SID + "' id='o-123'/>";
        chat(alice, bob, "once", originId);
        alice.send("<message type='chat' to='" + bob.bareJid() + "'><body>once</body>" + originId + "</message>");
        chat(alice, bob, "after", "");

        assertThat(bob.client().drain(200).stream().filter(e -> e.name().equals("message"))).isEmpty();
        assertThat(query(bob, "").bodies()).containsExactly("once", "after");
        assertThat(query(alice, "").bodies()).containsExactly("once", "after");
        assertThat(alice.client().drain(100).stream().filter(e -> "error".equals(e.attribute("type")))).isEmpty();
    }

    @Test
    void hintsAndChatStatesDecideWhatIsArchived() throws Exception {
        chat(alice, bob, "not kept", "<no-store xmlns='urn:xmpp:hints'/>");
        chat(alice, bob, "not kept either", "<no-permanent-store xmlns='urn:xmpp:hints'/>");
        alice.send("<message type='chat' to='" + bob.bareJid() + "'><composing "
                + "xmlns='http://jabber.org/protocol/chatstates'/></message>");
        alice.send("<message type='chat' to='" + bob.bareJid() + "'><active "
                + "xmlns='http://jabber.org/protocol/chatstates'/><store xmlns='urn:xmpp:hints'/></message>");
        alice.send("<message type='headline' to='" + bob.bareJid() + "'><body>news</body></message>");
        chat(alice, bob, "kept", "");

        Answer archived = query(bob, "");
        assertThat(archived.results()).hasSize(2);
        assertThat(MamClient.forwarded(archived.results().get(0)).child("active",
                "http://jabber.org/protocol/chatstates")).isPresent();
        assertThat(archived.bodies().get(1)).isEqualTo("kept");
    }

    @Test
    void preferencesNeverKeepMessagesOutOfThatAccountsArchiveOnly() throws Exception {
        XmlElement set = Iqs.result(bob.request("<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' "
                + "default='never'><always><jid>carol@example.org</jid></always><never/></prefs></iq>"));
        XmlElement got = Iqs.result(bob.request("<iq type='get' id='p2'><prefs xmlns='urn:xmpp:mam:2'/></iq>"));

        assertThat(got).isEqualTo(set);
        assertThat(got.attribute("default")).isEqualTo("never");
        XmlElement delivered = chat(alice, bob, "private", "");
        assertThat(delivered.elements("stanza-id", SID)).isEmpty();
        assertThat(query(bob, "").results()).isEmpty();
        assertThat(query(alice, "").bodies()).containsExactly("private");
        assertThat(Iqs.errorCondition(bob.request("<iq type='set' id='p3'><prefs xmlns='urn:xmpp:mam:2' "
                + "default='sometimes'/></iq>"))).isEqualTo("bad-request");
    }

    @Test
    void aNeverListedContactIsNotArchivedWhileOthersAre() throws Exception {
        Iqs.result(alice.request("<iq type='set' id='p'><prefs xmlns='urn:xmpp:mam:2' default='always'><never><jid>"
                + bob.bareJid() + "</jid></never></prefs></iq>"));

        chat(alice, bob, "not in alice's archive", "");

        assertThat(query(alice, "").results()).isEmpty();
        assertThat(query(bob, "").bodies()).containsExactly("not in alice's archive");
    }

    @Test
    void messagesForAnOfflineAccountAreArchivedWithTheirIdAndDeliveredLater() throws Exception {
        String name = server.addFreshUser();
        String carol = name + "@" + TestServer.DOMAIN;
        alice.send("<message type='chat' to='" + carol + "'><body>while away</body></message>");
        MamClient.sync(alice);

        try (XmppSession session = XmppSession.login(server, name, TestServer.passwordOf(name), "m")) {
            session.send("<presence/>");
            XmlElement delivered = session.client().next(e -> e.name().equals("message"));
            assertThat(stanzaId(delivered, carol).attribute("id")).isEqualTo(query(session, "").ids().getFirst());
        }
        assertThat(query(alice, rsm("<max>1</max><before/>")).bodies()).containsExactly("while away");
    }

    @Test
    void aMessageToOneselfIsArchivedOnce() throws Exception {
        try (XmppSession other = XmppSession.login(server, alice.bareJid().split("@")[0],
                TestServer.passwordOf(alice.bareJid().split("@")[0]), "laptop")) {
            MamClient.online(other);
            alice.send("<message type='chat' to='" + other.fullJid() + "'><body>note to self</body></message>");
            other.client().next(e -> e.name().equals("message"));

            assertThat(query(alice, form("with", alice.bareJid())).bodies()).containsExactly("note to self");
        }
    }
}
