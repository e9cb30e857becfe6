package dev.parley.server.modules;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The core modules on a real server: disco, ping, version, in-band registration and XEP-0133 admin commands. */
class CoreModulesTest {
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String COMMANDS = "http://jabber.org/protocol/commands";
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        server.addUser("admin", "admin-password");
        server.addUser("carol", "carol-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawXmppClient login(String user, String password, String resource) throws Exception {
        RawXmppClient client = RawXmppClient.connect(server.c2sPort());
        client.login("localhost", user, password, resource);
        return client;
    }

    private static String errorCondition(XmlElement reply) {
        return reply.child("error", "jabber:client").orElseThrow().firstChild(STANZAS).orElseThrow().name();
    }

    @Test
    void serverDiscoAdvertisesWhatIsRegistered() throws Exception {
        try (RawXmppClient client = login("carol", "carol-password", "disco")) {
            client.send("<iq type='get' id='d1' to='localhost'><query xmlns='" + DISCO_INFO + "'/></iq>");
            XmlElement query = client.next().child("query", DISCO_INFO).orElseThrow();
            List<String> features = query.elements("feature", DISCO_INFO).map(f -> f.attribute("var")).toList();
            assertThat(features).contains(DISCO_INFO, "http://jabber.org/protocol/disco#items", "urn:xmpp:ping",
                    "jabber:iq:version", "jabber:iq:register", COMMANDS).doesNotHaveDuplicates();
            XmlElement identity = query.child("identity", DISCO_INFO).orElseThrow();
            assertThat(identity.attribute("category")).isEqualTo("server");
            assertThat(identity.attribute("type")).isEqualTo("im");
        }
    }

    @Test
    void accountDiscoIsAnsweredOnTheAccountsBehalf() throws Exception {
        try (RawXmppClient client = login("carol", "carol-password", "account-disco")) {
            client.send("<iq type='get' id='d2' to='admin@localhost'><query xmlns='" + DISCO_INFO + "'/></iq>");
            XmlElement reply = client.next();
            assertThat(reply.attribute("from")).isEqualTo("admin@localhost");
            assertThat(reply.child("query", DISCO_INFO).orElseThrow().child("identity", DISCO_INFO).orElseThrow()
                    .attribute("category")).isEqualTo("account");
        }
    }

    @Test
    void versionAndPing() throws Exception {
        try (RawXmppClient client = login("carol", "carol-password", "version")) {
            client.send("<iq type='get' id='v1' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
            assertThat(client.next().child("query", "jabber:iq:version").orElseThrow()
                    .childText("name", "jabber:iq:version")).contains("Parley");
            client.send("<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            XmlElement pong = client.next();
            assertThat(pong.attribute("type")).isEqualTo("result");
            assertThat(pong.attribute("id")).isEqualTo("p1");
            client.send("<iq type='set' id='p2' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(errorCondition(client.next())).isEqualTo("bad-request");
        }
    }

    @Test
    void inBandRegistrationCreatesAnAccountOnceOnly() throws Exception {
        String register = "<iq type='set' id='r1'><query xmlns='jabber:iq:register'>"
                + "<username>dave</username><password>dave-password</password></query></iq>";
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.openStream("localhost");
            XmlElement features = client.startTls("localhost");
            assertThat(features.child("register", "http://jabber.org/features/iq-register")).isPresent();
            client.send(register);
            assertThat(client.next().attribute("type")).isEqualTo("result");
            client.send(register);
            assertThat(errorCondition(client.next())).isEqualTo("conflict");
        }
        try (RawXmppClient client = login("dave", "dave-password", "new")) {
            client.send("<iq type='get' id='r2'><query xmlns='jabber:iq:register'/></iq>");
            assertThat(client.next().child("query", "jabber:iq:register").orElseThrow()
                    .child("registered", "jabber:iq:register")).isPresent();
        }
    }

    @Test
    void adminAddsAUserWithXep0133AndOthersAreForbidden() throws Exception {
        String execute = "<iq type='set' id='c1' to='localhost'><command xmlns='" + COMMANDS
                + "' node='http://jabber.org/protocol/admin#add-user' action='execute'/></iq>";
        try (RawXmppClient carol = login("carol", "carol-password", "not-admin")) {
            carol.send(execute);
            assertThat(errorCondition(carol.next())).isEqualTo("forbidden");
        }
        try (RawXmppClient admin = login("admin", "admin-password", "console")) {
            admin.send(execute);
            XmlElement stage = admin.next().child("command", COMMANDS).orElseThrow();
            assertThat(stage.attribute("status")).isEqualTo("executing");
            String session = stage.attribute("sessionid");
            admin.send("<iq type='set' id='c2' to='localhost'><command xmlns='" + COMMANDS
                    + "' node='http://jabber.org/protocol/admin#add-user' sessionid='" + session + "'>"
                    + "<x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='accountjid'><value>erin@localhost</value></field>"
                    + "<field var='password'><value>erin-password</value></field>"
                    + "<field var='password-verify'><value>erin-password</value></field></x></command></iq>");
            XmlElement done = admin.next().child("command", COMMANDS).orElseThrow();
            assertThat(done.attribute("status")).isEqualTo("completed");
        }
        try (RawXmppClient erin = login("erin", "erin-password", "fresh")) {
            erin.send("<iq type='get' id='p' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(erin.next().attribute("type")).isEqualTo("result");
        }
    }

    @Test
    void messagesReachTheHighestPriorityResourceAndFullJids() throws Exception {
        try (RawXmppClient low = login("carol", "carol-password", "low");
             RawXmppClient high = login("carol", "carol-password", "high");
             RawXmppClient sender = login("admin", "admin-password", "sender")) {
            low.send("<presence><priority>1</priority></presence>");
            high.send("<presence><priority>5</priority></presence>");
            // a round trip on each stream makes sure its presence was processed before the message is routed
            low.send("<iq type='get' id='s1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            low.next("iq");
            high.send("<iq type='get' id='s2' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            high.next("iq");
            sender.send("<message to='carol@localhost' type='chat' id='m1'><body>to the bare JID</body>"
                    + "<custom xmlns='urn:example:payload' a='1'><deep>kept</deep></custom></message>");
            XmlElement atHigh = high.next("message");
            assertThat(atHigh.attribute("from")).isEqualTo("admin@localhost/sender");
            assertThat(atHigh.child("custom", "urn:example:payload").orElseThrow().attribute("a")).isEqualTo("1");
            sender.send("<message to='carol@localhost/low' type='chat' id='m2'><body>to a full JID</body></message>");
            assertThat(low.next("message").attribute("id")).isEqualTo("m2");
        }
    }
}
