package dev.parley.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

/** Client state indication (XEP-0352) end to end: what an inactive client is spared, and the flush on active. */
class ClientStateTest {
    private static final String CSI = Namespaces.CSI;
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String describe(XmlElement e) {
        return e.name() + ":" + (e.name().equals("presence") ? e.childText("show", Namespaces.CLIENT).orElse("")
                : e.attribute("id"));
    }

    @Test
    void inactiveClientsGetLatestPresenceBeforeTheNextMessageAndEverythingHeldOnActive() throws Exception {
        try (SmClient alice = SmClient.bound(server, server.addFreshUser(), "phone");
             SmClient bob = SmClient.bound(server, server.addFreshUser(), "pc")) {
            String to = alice.fullJid;
            alice.send("<inactive xmlns='" + CSI + "'/>");
            alice.send("<iq type='get' id='sync'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(describe(alice.raw.next())).as("<inactive/> is applied before what follows")
                    .isEqualTo("iq:sync");
            bob.send("<presence to='" + to + "'><show>away</show></presence>");
            bob.send("<presence to='" + to + "'><show>dnd</show></presence>");
            bob.send("<message type='chat' to='" + to + "' id='typing'>"
                    + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
            assertThat(alice.raw.drain(300)).as("held or dropped while inactive").isEmpty();

            bob.send("<message type='chat' to='" + to + "' id='hello'><body>hi</body>"
                    + "<active xmlns='http://jabber.org/protocol/chatstates'/></message>");
            assertThat(List.of(describe(alice.raw.next()), describe(alice.raw.next())))
                    .as("the latest presence first, then the message; the bare chat state is gone")
                    .containsExactly("presence:dnd", "message:hello");

            bob.send("<presence to='" + to + "'><show>xa</show></presence>");
            assertThat(alice.raw.drain(300)).isEmpty();
            alice.send("<active xmlns='" + CSI + "'/>");
            alice.send("<iq type='get' id='ping'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(List.of(describe(alice.raw.next()), describe(alice.raw.next())))
                    .as("XEP-0352 §5: flushed before the answer to what followed <active/>")
                    .containsExactly("presence:xa", "iq:ping");
        }
    }

    @Test
    void theFeatureIsOfferedAfterAuthentication() throws Exception {
        try (SmClient auth = SmClient.authenticated(server, server.addFreshUser())) {
            assertThat(auth.features.child("csi", CSI)).isPresent();
        }
    }
}
