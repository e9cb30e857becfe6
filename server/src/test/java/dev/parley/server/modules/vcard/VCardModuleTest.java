package dev.parley.server.modules.vcard;

import static dev.parley.server.testing.Iqs.errorCondition;
import static dev.parley.server.testing.Iqs.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.XmppSession;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** vcard-temp (XEP-0054) on a real server. */
class VCardModuleTest {
    private static final String NS = "vcard-temp";
    private static final String VCARD = "<vCard xmlns='vcard-temp'><FN>Juliet Capulet</FN>"
            + "<N><FAMILY>Capulet</FAMILY><GIVEN>Juliet</GIVEN></N><NICKNAME>jc</NICKNAME></vCard>";
    @RegisterExtension
    static final TestServer server = TestServer.perClass("limits: {vcard-bytes: 2048}\n");

    private static XmlElement expectedVCard() {
        return XmlElement.builder("vCard", NS)
                .textChild("FN", "Juliet Capulet")
                .child(XmlElement.builder("N", NS).textChild("FAMILY", "Capulet").textChild("GIVEN", "Juliet").build())
                .textChild("NICKNAME", "jc")
                .build();
    }

    @Test
    void ownVCardIsEmptyUntilSetThenReadBack() throws Exception {
        try (XmppSession juliet = XmppSession.loginFresh(server, "phone")) {
            XmlElement none = result(juliet.request("<iq type='get' id='g1'><vCard xmlns='vcard-temp'/></iq>"));
            assertThat(none).isEqualTo(XmlElement.empty("vCard", NS));

            XmlElement stored = juliet.request("<iq type='set' id='s1'>" + VCARD + "</iq>");
            assertThat(stored.attribute("type")).isEqualTo("result");
            assertThat(stored.elements().findAny()).isEmpty();

            assertThat(result(juliet.request("<iq type='get' id='g2'><vCard xmlns='vcard-temp'/></iq>")))
                    .isEqualTo(expectedVCard());
            assertThat(result(juliet.request("<iq type='get' id='g3' to='" + juliet.bareJid()
                    + "'><vCard xmlns='vcard-temp'/></iq>"))).as("addressed to the own bare JID")
                    .isEqualTo(expectedVCard());
        }
    }

    @Test
    void othersReadTheVCardFromTheBareJidEvenWhenItsOwnerIsOffline() throws Exception {
        String owner;
        try (XmppSession juliet = XmppSession.loginFresh(server, "phone")) {
            owner = juliet.bareJid();
            juliet.request("<iq type='set' id='s1'>" + VCARD + "</iq>");
        }
        try (XmppSession romeo = XmppSession.loginFresh(server, "phone")) {
            XmlElement reply = romeo.request("<iq type='get' id='g1' to='" + owner
                    + "'><vCard xmlns='vcard-temp'/></iq>");
            assertThat(reply.attribute("from")).isEqualTo(owner);
            assertThat(result(reply)).isEqualTo(expectedVCard());
        }
    }

    @Test
    void anotherAccountWithoutVCardIsItemNotFoundAndAnUnknownAccountServiceUnavailable() throws Exception {
        try (XmppSession nurse = XmppSession.loginFresh(server, "phone");
             XmppSession romeo = XmppSession.loginFresh(server, "phone")) {
            assertThat(errorCondition(romeo.request("<iq type='get' id='g1' to='" + nurse.bareJid()
                    + "'><vCard xmlns='vcard-temp'/></iq>"))).isEqualTo("item-not-found");
            assertThat(errorCondition(romeo.request(
                    "<iq type='get' id='g2' to='nobody@localhost'><vCard xmlns='vcard-temp'/></iq>")))
                    .isEqualTo("service-unavailable");
        }
    }

    @Test
    void nobodySetsAnotherAccountsVCard() throws Exception {
        try (XmppSession juliet = XmppSession.loginFresh(server, "phone");
             XmppSession tybalt = XmppSession.loginFresh(server, "phone")) {
            juliet.request("<iq type='set' id='s1'>" + VCARD + "</iq>");

            XmlElement refused = tybalt.request("<iq type='set' id='s2' to='" + juliet.bareJid() + "'>"
                    + "<vCard xmlns='vcard-temp'><FN>Forged</FN></vCard></iq>");

            assertThat(errorCondition(refused)).isEqualTo("forbidden");
            assertThat(result(juliet.request("<iq type='get' id='g1'><vCard xmlns='vcard-temp'/></iq>")))
                    .isEqualTo(expectedVCard());
        }
    }

    @Test
    void aVCardOverTheLimitIsRefusedAndTheStoredOneKept() throws Exception {
        try (XmppSession juliet = XmppSession.loginFresh(server, "phone")) {
            juliet.request("<iq type='set' id='s1'>" + VCARD + "</iq>");

            XmlElement refused = juliet.request("<iq type='set' id='s2'><vCard xmlns='vcard-temp'><DESC>"
                    + "x".repeat(2048) + "</DESC></vCard></iq>");

            assertThat(errorCondition(refused)).isEqualTo("not-acceptable");
            assertThat(result(juliet.request("<iq type='get' id='g1'><vCard xmlns='vcard-temp'/></iq>")))
                    .isEqualTo(expectedVCard());
            XmlElement justFits = XmlElement.builder("vCard", NS).textChild("DESC", "y".repeat(2000)).build();
            assertThat(juliet.request("<iq type='set' id='s3'>" + justFits + "</iq>").attribute("type"))
                    .isEqualTo("result");
        }
    }

    @Test
    void anEmptyVCardRemovesTheStoredOne() throws Exception {
        try (XmppSession juliet = XmppSession.loginFresh(server, "phone");
             XmppSession romeo = XmppSession.loginFresh(server, "phone")) {
            juliet.request("<iq type='set' id='s1'>" + VCARD + "</iq>");

            assertThat(juliet.request("<iq type='set' id='s2'><vCard xmlns='vcard-temp'/></iq>").attribute("type"))
                    .isEqualTo("result");

            assertThat(result(juliet.request("<iq type='get' id='g1'><vCard xmlns='vcard-temp'/></iq>")))
                    .isEqualTo(XmlElement.empty("vCard", NS));
            assertThat(errorCondition(romeo.request("<iq type='get' id='g2' to='" + juliet.bareJid()
                    + "'><vCard xmlns='vcard-temp'/></iq>"))).isEqualTo("item-not-found");
        }
    }

    @Test
    void theServerAdvertisesVCardsButHasNone() throws Exception {
        String info = "http://jabber.org/protocol/disco#info";
        try (XmppSession juliet = XmppSession.loginFresh(server, "phone")) {
            for (String to : new String[] {"localhost", juliet.bareJid()}) {
                XmlElement query = result(juliet.request("<iq type='get' id='d-" + to + "' to='" + to
                        + "'><query xmlns='" + info + "'/></iq>"));
                assertThat(query.elements("feature", info).map(f -> f.attribute("var"))).as(to).contains(NS);
            }
            assertThat(errorCondition(juliet.request(
                    "<iq type='get' id='g1' to='localhost'><vCard xmlns='vcard-temp'/></iq>")))
                    .isEqualTo("item-not-found");
            assertThat(errorCondition(juliet.request(
                    "<iq type='set' id='s1' to='localhost'>" + VCARD + "</iq>"))).isEqualTo("forbidden");
        }
    }
}
