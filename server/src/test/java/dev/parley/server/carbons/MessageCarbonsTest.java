package dev.parley.server.carbons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.Iqs;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

/**
 * XEP-0280 on a real server: two or three clients of one account (alice) talk with another account (bob); each test
 * checks who got the original, who got which copy, and that nobody got anything else.
 */
class MessageCarbonsTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private String alice;
    private String bob;

    @BeforeEach
    void accounts() {
        alice = server.addFreshUser();
        bob = server.addFreshUser();
    }

    @Test
    void theServerAdvertisesCarbonsAndAnswersEnableAndDisableRepeatedly() throws Exception {
        try (Device phone = Device.login(server, alice, "phone")) {
            XmlElement info = Iqs.result(phone.iq(TestServer.DOMAIN, "get",
                    "<query xmlns='" + Namespaces.DISCO_INFO + "'/>"));
            assertThat(features(info)).contains(MessageCarbons.NAMESPACE);
            XmlElement account = Iqs.result(phone.iq(phone.bareJid(), "get",
                    "<query xmlns='" + Namespaces.DISCO_INFO + "'/>"));
            assertThat(features(account)).as("the server, not the account, supports carbons")
                    .doesNotContain(MessageCarbons.NAMESPACE);

            // §10.1: enabling or disabling twice is no error.
            for (String request : List.of("enable", "enable", "disable", "disable", "enable")) {
                XmlElement reply = phone.iq("set", "<" + request + " xmlns='" + Device.CARBONS + "'/>");
                assertThat(reply.attribute("type")).as(request).isEqualTo("result");
                assertThat(reply.attribute("to")).isEqualTo(phone.jid());
            }
            assertThat(Iqs.errorCondition(phone.iq("get", "<enable xmlns='" + Device.CARBONS + "'/>")))
                    .isEqualTo("bad-request");
        }
    }

    @Test
    void whatOneClientSendsIsCopiedToTheOtherEnabledClientsOnly() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0).enable();
             Device laptop = Device.online(server, alice, "laptop", 0).enable();
             Device tablet = Device.online(server, alice, "tablet", 0);
             Device desk = Device.online(server, bob, "desk", 0)) {
            phone.chat(desk.jid(), "m1", "");

            XmlElement original = desk.message();
            assertThat(original.attribute("id")).isEqualTo("m1");
            assertThat(original.child("sent", Device.CARBONS)).isEmpty();

            XmlElement copy = laptop.message();
            assertThat(copy.attribute("from")).isEqualTo(laptop.bareJid());
            assertThat(copy.attribute("to")).isEqualTo(laptop.jid());
            assertThat(copy.attribute("type")).isEqualTo("chat");
            XmlElement forwarded = forwarded(copy, "sent");
            assertThat(forwarded.attribute("from")).isEqualTo(phone.jid());
            assertThat(forwarded.attribute("to")).isEqualTo(desk.jid());
            assertThat(forwarded.attribute("id")).isEqualTo("m1");
            assertThat(forwarded.childText("body", Namespaces.CLIENT)).contains("hello");

            assertThat(phone.messages()).as("the sender gets no copy of its own message").isEmpty();
            assertThat(tablet.messages()).as("a client that did not enable carbons gets none").isEmpty();
            assertThat(laptop.messages()).as("one copy").isEmpty();
        }
    }

    @Test
    void aMessageToOneClientIsCopiedToTheOtherEnabledClients() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0).enable();
             Device laptop = Device.online(server, alice, "laptop", 0).enable();
             Device tablet = Device.online(server, alice, "tablet", 0);
             Device desk = Device.online(server, bob, "desk", 0)) {
            desk.chat(phone.jid(), "m2", "");

            assertThat(phone.message().attribute("id")).isEqualTo("m2");
            XmlElement copy = laptop.message();
            assertThat(copy.attribute("from")).isEqualTo(laptop.bareJid());
            assertThat(copy.attribute("to")).isEqualTo(laptop.jid());
            XmlElement forwarded = forwarded(copy, "received");
            assertThat(forwarded.attribute("from")).isEqualTo(desk.jid());
            assertThat(forwarded.attribute("to")).isEqualTo(phone.jid());

            assertThat(phone.messages()).as("the addressee gets the original only").isEmpty();
            assertThat(tablet.messages()).isEmpty();
            assertThat(desk.messages()).as("the sender of a received message is not told of copies").isEmpty();
        }
    }

    @Test
    void aMessageToTheBareJidIsCopiedToTheClientsItWasNotDeliveredTo() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 5).enable();
             Device laptop = Device.online(server, alice, "laptop", 1).enable();
             Device tablet = Device.online(server, alice, "tablet", 5).enable();
             Device desk = Device.online(server, bob, "desk", 0)) {
            desk.chat(phone.bareJid(), "m3", "");

            // RFC 6121 §8.5.2.1.1: both clients of the highest priority get the original; the other a copy.
            assertThat(phone.message().child("received", Device.CARBONS)).isEmpty();
            assertThat(tablet.message().child("received", Device.CARBONS)).isEmpty();
            assertThat(forwarded(laptop.message(), "received").attribute("id")).isEqualTo("m3");
            for (Device device : List.of(phone, laptop, tablet)) {
                assertThat(device.messages()).as(device.jid()).isEmpty();
            }
        }
    }

    @Test
    void aMessageStoredOfflineIsNotCopied() throws Exception {
        // An enabled client that sent no presence is no available resource: the message is kept for later.
        try (Device phone = Device.login(server, alice, "phone").enable();
             Device desk = Device.online(server, bob, "desk", 0)) {
            desk.chat(phone.bareJid(), "m4", "");
            desk.sync();
            assertThat(phone.messages()).isEmpty();
        }
        try (Device phone = Device.online(server, alice, "phone", 0)) {
            XmlElement stored = phone.message();
            assertThat(stored.attribute("id")).isEqualTo("m4");
            assertThat(stored.child("received", Device.CARBONS)).isEmpty();
        }
    }

    @Test
    void privateAndNoCopyMessagesAreNotCopiedEitherWay() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0).enable();
             Device laptop = Device.online(server, alice, "laptop", 0).enable();
             Device desk = Device.online(server, bob, "desk", 0).enable();
             Device bobPhone = Device.online(server, bob, "phone", 0).enable()) {
            phone.chat(desk.jid(), "private-out", "<private xmlns='" + Device.CARBONS + "'/>");
            phone.chat(desk.jid(), "no-copy-out", "<no-copy xmlns='urn:xmpp:hints'/>");
            XmlElement received = desk.message();
            assertThat(received.attribute("id")).isEqualTo("private-out");
            assertThat(received.child("private", Device.CARBONS)).as("§9: the element is not removed").isPresent();
            assertThat(desk.message().attribute("id")).isEqualTo("no-copy-out");

            desk.chat(phone.jid(), "private-in", "<private xmlns='" + Device.CARBONS + "'/>");
            desk.chat(phone.jid(), "no-copy-in", "<no-copy xmlns='urn:xmpp:hints'/>");
            assertThat(phone.message().attribute("id")).isEqualTo("private-in");
            assertThat(phone.message().attribute("id")).isEqualTo("no-copy-in");

            for (Device device : List.of(phone, laptop, desk, bobPhone)) {
                assertThat(device.messages()).as(device.jid()).isEmpty();
            }
        }
    }

    @Test
    void enablingIsPerClientAndDisablingStopsTheCopies() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0);
             Device laptop = Device.online(server, alice, "laptop", 0).enable();
             Device desk = Device.online(server, bob, "desk", 0)) {
            desk.chat(laptop.jid(), "to-laptop", "");
            assertThat(laptop.message().attribute("id")).isEqualTo("to-laptop");
            assertThat(phone.messages()).as("the laptop's choice is not the phone's").isEmpty();

            desk.chat(phone.jid(), "to-phone", "");
            assertThat(phone.message().attribute("id")).isEqualTo("to-phone");
            assertThat(forwarded(laptop.message(), "received").attribute("id")).isEqualTo("to-phone");

            laptop.iq("set", "<disable xmlns='" + Device.CARBONS + "'/>");
            desk.chat(phone.jid(), "after-disable", "");
            phone.chat(desk.jid(), "sent-after-disable", "");
            assertThat(phone.message().attribute("id")).isEqualTo("after-disable");
            assertThat(desk.message().attribute("id")).isEqualTo("sent-after-disable");
            assertThat(laptop.messages()).isEmpty();
        }
    }

    @Test
    void aNewSessionOnTheSameResourceStartsWithCarbonsOff() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0);
             Device desk = Device.online(server, bob, "desk", 0)) {
            try (Device laptop = Device.online(server, alice, "laptop", 0).enable()) {
                laptop.sync();
            }
            try (Device laptop = Device.online(server, alice, "laptop", 0)) {
                desk.chat(phone.jid(), "m5", "");
                assertThat(phone.message().attribute("id")).isEqualTo("m5");
                assertThat(laptop.messages()).isEmpty();
            }
        }
    }

    @Test
    void anotherAccountCannotEnableOrDisableCarbonsForAnAccount() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0);
             Device laptop = Device.online(server, alice, "laptop", 0).enable();
             Device desk = Device.online(server, bob, "desk", 0)) {
            for (String request : List.of("enable", "disable")) {
                XmlElement reply = desk.iq(phone.bareJid(), "set",
                        "<" + request + " xmlns='" + Device.CARBONS + "'/>");
                assertThat(Iqs.errorCondition(reply)).isEqualTo("not-allowed");
            }
            desk.chat(phone.jid(), "m6", "");
            assertThat(phone.message().attribute("id")).isEqualTo("m6");
            assertThat(forwarded(laptop.message(), "received").attribute("id"))
                    .as("the laptop's carbons are still on").isEqualTo("m6");
        }
    }

    @Test
    void aClientCannotSendACarbonWrapper() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0).enable();
             Device desk = Device.online(server, bob, "desk", 0)) {
            for (String wrapper : List.of("received", "sent")) {
                desk.send("<message to='" + phone.jid() + "' type='chat' id='forged-" + wrapper + "'><" + wrapper
                        + " xmlns='" + Device.CARBONS + "'><forwarded xmlns='urn:xmpp:forward:0'><message xmlns='"
                        + Namespaces.CLIENT + "' from='" + phone.bareJid() + "/other' to='" + desk.jid()
                        + "' type='chat'><body>forged</body></message></forwarded></" + wrapper + "></message>");
                XmlElement refused = desk.message();
                assertThat(refused.attribute("id")).isEqualTo("forged-" + wrapper);
                assertThat(refused.attribute("type")).isEqualTo("error");
                assertThat(refused.child("error", Namespaces.CLIENT).orElseThrow()
                        .child("forbidden", Iqs.STANZAS)).isPresent();
            }
            assertThat(phone.messages()).isEmpty();
        }
    }

    @Test
    void messagesBetweenClientsOfOneAccountAreCopiedOnce() throws Exception {
        try (Device phone = Device.online(server, alice, "phone", 0).enable();
             Device laptop = Device.online(server, alice, "laptop", 0).enable();
             Device tablet = Device.online(server, alice, "tablet", 0).enable()) {
            phone.chat(laptop.jid(), "note", "");
            assertThat(laptop.message().child("sent", Device.CARBONS)).isEmpty();
            assertThat(forwarded(tablet.message(), "received").attribute("id")).isEqualTo("note");
            for (Device device : List.of(phone, laptop, tablet)) {
                assertThat(device.messages()).as(device.jid()).isEmpty();
            }
        }
    }

    /** The original message inside a copy's {@code <sent/>} or {@code <received/>}. */
    private static XmlElement forwarded(XmlElement copy, String wrapper) {
        return copy.child(wrapper, Device.CARBONS).orElseThrow(() -> new AssertionError("no " + wrapper + ": " + copy))
                .child("forwarded", CarbonCopies.FORWARD).orElseThrow()
                .child("message", Namespaces.CLIENT).orElseThrow();
    }

    private static List<String> features(XmlElement info) {
        return info.elements("feature", Namespaces.DISCO_INFO).map(f -> f.attribute("var")).toList();
    }
}
