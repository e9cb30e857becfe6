package dev.parley.server.modules.adhoc;

import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.parley.server.modules.adhoc.AdminCommandClient.commandOf;
import static dev.parley.server.modules.adhoc.AdminCommandClient.errorCondition;
import static dev.parley.server.modules.adhoc.AdminCommandClient.field;
import static dev.parley.server.modules.adhoc.AdminCommandClient.login;
import static dev.parley.server.modules.adhoc.AdminCommandClient.status;
import static dev.parley.server.modules.adhoc.AdminCommandClient.values;
import static org.assertj.core.api.Assertions.assertThat;

/** The session commands of XEP-0133 over XEP-0050 on a real server, and their refusals of bad input. */
class SessionAdminCommandsTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        for (String user : List.of("admin", "alice", "bob", "carol")) {
            server.addUser(user, user + "-password");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFullJidEndsThatSessionAndABareJidAllOfThem() throws Exception {
        try (RawXmppClient phone = login(server, "alice", "phone");
             RawXmppClient laptop = login(server, "alice", "laptop");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement one = commands.run("end-user-session", Map.of("accountjids", List.of("alice@localhost/phone")));

            assertThat(status(one)).isEqualTo("completed");
            assertThat(phone.streamErrorCondition()).isEqualTo("policy-violation");
            assertThat(pingAnswered(laptop)).isTrue();

            XmlElement all = commands.run("end-user-session", Map.of("accountjids", List.of("alice@localhost")));

            assertThat(status(all)).isEqualTo("completed");
            assertThat(laptop.streamErrorCondition()).isEqualTo("policy-violation");
            // Ending sessions is a kick, not a ban.
            try (RawXmppClient again = login(server, "alice", "again")) {
                assertThat(pingAnswered(again)).isTrue();
            }
        }
    }

    @Test
    void endUserSessionRefusesBadInputAndEndsNothing() throws Exception {
        try (RawXmppClient alice = login(server, "alice", "phone");
             RawXmppClient bob = login(server, "bob", "not-admin");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement notAdmin = new AdminCommandClient(bob).execute("end-user-session");
            XmlElement offline = commands.run("end-user-session",
                    Map.of("accountjids", List.of("alice@localhost/phone", "carol@localhost")));
            XmlElement noSuchResource = commands.run("end-user-session",
                    Map.of("accountjids", List.of("alice@localhost/tablet")));
            XmlElement malformed = commands.run("end-user-session", Map.of("accountjids", List.of("@localhost")));
            XmlElement domainOnly = commands.run("end-user-session", Map.of("accountjids", List.of("localhost")));

            assertThat(errorCondition(notAdmin)).isEqualTo("forbidden");
            assertThat(errorCondition(offline)).isEqualTo("item-not-found");
            assertThat(errorCondition(noSuchResource)).isEqualTo("item-not-found");
            assertThat(errorCondition(malformed)).isEqualTo("bad-request");
            assertThat(errorCondition(domainOnly)).isEqualTo("bad-request");
            assertThat(pingAnswered(alice)).isTrue();
            assertThat(pingAnswered(bob)).isTrue();
        }
    }

    @Test
    void onlineUsersAreListedAsBareJidsUpToMaxItems() throws Exception {
        try (RawXmppClient phone = login(server, "alice", "phone");
             RawXmppClient laptop = login(server, "alice", "laptop");
             RawXmppClient bob = login(server, "bob", "phone");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement form = commands.execute("get-online-users-list");
            String session = commandOf(form).attribute("sessionid");
            XmlElement all = commands.submit("get-online-users-list", session, Map.of("max_items", List.of("none")));
            XmlElement two = commands.run("get-online-users-list", Map.of("max_items", List.of("2")));
            XmlElement unlimited = commands.run("get-online-users-list", Map.of());
            XmlElement number = commands.execute("get-online-users-num");

            assertThat(status(form)).isEqualTo("executing");
            assertThat(field(form, "max_items").attribute("type")).isEqualTo("list-single");
            assertThat(field(form, "max_items").elements("option", AdminCommandClient.DATA)
                    .map(option -> option.childText("value", AdminCommandClient.DATA).orElseThrow()))
                    .containsExactly("25", "50", "75", "100", "150", "200", "none");
            assertThat(status(all)).isEqualTo("completed");
            assertThat(values(all, "onlineuserjids"))
                    .containsExactly("admin@localhost", "alice@localhost", "bob@localhost");
            assertThat(field(all, "onlineuserjids").attribute("type")).isEqualTo("jid-multi");
            assertThat(values(two, "onlineuserjids")).containsExactly("admin@localhost", "alice@localhost");
            assertThat(commandOf(two).childText("note", AdminCommandClient.COMMANDS))
                    .hasValue("The first 2 of 3 online users");
            assertThat(values(unlimited, "onlineuserjids")).hasSize(3);
            assertThat(values(number, "onlineusersnum")).containsExactly("3");
        }
    }

    @Test
    void unacceptableMaxItemsAreRefused() throws Exception {
        try (RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            for (String maxItems : List.of("0", "-5", "many", "1001")) {
                XmlElement refused = commands.run("get-online-users-list", Map.of("max_items", List.of(maxItems)));
                assertThat(errorCondition(refused)).as(maxItems).isEqualTo("bad-request");
            }
        }
    }

    @Test
    void anAnnouncementReachesEverySessionAsAHeadlineFromTheDomain() throws Exception {
        try (RawXmppClient phone = login(server, "alice", "phone");
             RawXmppClient laptop = login(server, "alice", "laptop");
             RawXmppClient bob = login(server, "bob", "phone");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement sent = commands.run("announce", Map.of("subject", List.of("Maintenance"),
                    "announcement", List.of("The server restarts", "at 22:00 UTC.")));

            assertThat(status(sent)).isEqualTo("completed");
            assertThat(commandOf(sent).childText("note", AdminCommandClient.COMMANDS))
                    .hasValue("Sent the announcement to 4 session(s)");
            assertAnnouncement(phone.next(), "alice@localhost/phone");
            assertAnnouncement(laptop.next(), "alice@localhost/laptop");
            assertAnnouncement(bob.next(), "bob@localhost/phone");
            assertAnnouncement(commands.other(1).get(0), "admin@localhost/console");
        }
    }

    @Test
    void announceRefusesBadInputAndSendsNothing() throws Exception {
        try (RawXmppClient bob = login(server, "bob", "not-admin");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement notAdmin = new AdminCommandClient(bob).execute("announce");
            XmlElement empty = commands.run("announce", Map.of("announcement", List.of("", " ")));
            XmlElement missing = commands.run("announce", Map.of("subject", List.of("No text")));

            assertThat(errorCondition(notAdmin)).isEqualTo("forbidden");
            assertThat(errorCondition(empty)).isEqualTo("bad-request");
            assertThat(errorCondition(missing)).isEqualTo("bad-request");
            // Nothing was sent: the next thing bob gets is the answer to his own ping.
            assertThat(pingAnswered(bob)).isTrue();
        }
    }

    private static void assertAnnouncement(XmlElement message, String to) {
        assertThat(message.name()).isEqualTo("message");
        assertThat(message.attribute("type")).isEqualTo("headline");
        assertThat(message.attribute("from")).isEqualTo("localhost");
        assertThat(message.attribute("to")).isEqualTo(to);
        assertThat(message.childText("subject", "jabber:client")).hasValue("Maintenance");
        assertThat(message.childText("body", "jabber:client")).hasValue("The server restarts\nat 22:00 UTC.");
    }

    private static boolean pingAnswered(RawXmppClient client) throws Exception {
        client.send("<iq type='get' id='alive' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        XmlElement reply = client.next();
        return "alive".equals(reply.attribute("id")) && "result".equals(reply.attribute("type"));
    }
}
