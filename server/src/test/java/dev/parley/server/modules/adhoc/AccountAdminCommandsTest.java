package dev.parley.server.modules.adhoc;

import dev.parley.server.api.storage.Account;
import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.parley.server.modules.adhoc.AdminCommandClient.errorCondition;
import static dev.parley.server.modules.adhoc.AdminCommandClient.login;
import static dev.parley.server.modules.adhoc.AdminCommandClient.status;
import static dev.parley.server.modules.adhoc.AdminCommandClient.values;
import static org.assertj.core.api.Assertions.assertThat;

/** The account commands of XEP-0133 over XEP-0050 on a real server, and their refusals of bad input. */
class AccountAdminCommandsTest {
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final Jid ALICE = Jid.parse("alice@localhost");
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        for (String user : List.of("admin", "alice", "bob")) {
            server.addUser(user, user + "-password");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void disablingEndsTheSessionsAndRefusesLoginsUntilReenabled() throws Exception {
        try (RawXmppClient phone = login(server, "alice", "phone");
             RawXmppClient laptop = login(server, "alice", "laptop");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement disabled = commands.run("disable-user", Map.of("accountjids", List.of("alice@localhost")));

            assertThat(status(disabled)).isEqualTo("completed");
            assertThat(phone.streamErrorCondition()).isEqualTo("not-authorized");
            assertThat(laptop.streamErrorCondition()).isEqualTo("not-authorized");
            assertThat(phone.awaitClose()).isTrue();
            assertThat(account()).hasValueSatisfying(account -> assertThat(account.disabled()).isTrue());
            // The same answer an unknown account gets, so that a refusal tells nobody the account exists.
            XmlElement refused = saslPlain("alice", "alice-password");
            assertThat(refused.name()).isEqualTo("failure");
            assertThat(refused.firstChild(SASL).orElseThrow().name()).isEqualTo("not-authorized");
            assertThat(refused).isEqualTo(saslPlain("nobody", "alice-password"));

            XmlElement reenabled = commands.run("reenable-user", Map.of("accountjids", List.of("alice@localhost")));

            assertThat(status(reenabled)).isEqualTo("completed");
            assertThat(account()).hasValueSatisfying(account -> assertThat(account.disabled()).isFalse());
            try (RawXmppClient back = login(server, "alice", "back")) {
                assertThat(pingAnswered(back)).isTrue();
            }
        }
    }

    @Test
    void disableAndReenableRefuseBadInputAndChangeNothing() throws Exception {
        try (RawXmppClient alice = login(server, "alice", "phone");
             RawXmppClient bob = login(server, "bob", "not-admin");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement notAdmin = new AdminCommandClient(bob).execute("disable-user");
            XmlElement unknown = commands.run("disable-user",
                    Map.of("accountjids", List.of("alice@localhost", "nobody@localhost")));
            XmlElement malformed = commands.run("disable-user", Map.of("accountjids", List.of("alice@@localhost")));
            XmlElement fullJid = commands.run("disable-user", Map.of("accountjids", List.of("alice@localhost/phone")));
            XmlElement foreign = commands.run("disable-user", Map.of("accountjids", List.of("alice@elsewhere.example")));
            XmlElement missing = commands.run("disable-user", Map.of());
            XmlElement unknownReenabled = commands.run("reenable-user", Map.of("accountjids", List.of("nobody@localhost")));

            assertThat(errorCondition(notAdmin)).isEqualTo("forbidden");
            assertThat(errorCondition(unknown)).isEqualTo("item-not-found");
            assertThat(errorCondition(malformed)).isEqualTo("bad-request");
            assertThat(errorCondition(fullJid)).isEqualTo("bad-request");
            assertThat(errorCondition(foreign)).isEqualTo("bad-request");
            assertThat(errorCondition(missing)).isEqualTo("bad-request");
            assertThat(errorCondition(unknownReenabled)).isEqualTo("item-not-found");
            assertThat(account()).hasValueSatisfying(account -> assertThat(account.disabled()).isFalse());
            assertThat(pingAnswered(alice)).isTrue();
        }
    }

    @Test
    void deleteChecksEveryAccountBeforeDeletingAny() throws Exception {
        try (RawXmppClient bob = login(server, "bob", "phone");
             RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement unknown = commands.run("delete-user",
                    Map.of("accountjids", List.of("bob@localhost", "nobody@localhost")));

            assertThat(errorCondition(unknown)).isEqualTo("item-not-found");
            assertThat(exists("bob")).isTrue();
            assertThat(pingAnswered(bob)).isTrue();

            XmlElement deleted = commands.run("delete-user", Map.of("accountjids", List.of("bob@localhost")));

            assertThat(status(deleted)).isEqualTo("completed");
            assertThat(bob.streamErrorCondition()).isEqualTo("not-authorized");
            assertThat(exists("bob")).isFalse();
        }
    }

    @Test
    void changeUserPasswordReplacesThePasswordOfExistingAccountsOnly() throws Exception {
        try (RawXmppClient admin = login(server, "admin", "console")) {
            AdminCommandClient commands = new AdminCommandClient(admin);

            XmlElement changed = commands.run("change-user-password",
                    Map.of("accountjid", List.of("alice@localhost"), "password", List.of("a-new-password")));
            XmlElement unknown = commands.run("change-user-password",
                    Map.of("accountjid", List.of("nobody@localhost"), "password", List.of("a-new-password")));
            XmlElement tooShort = commands.run("change-user-password",
                    Map.of("accountjid", List.of("bob@localhost"), "password", List.of("x")));

            assertThat(status(changed)).isEqualTo("completed");
            assertThat(saslPlain("alice", "a-new-password").name()).isEqualTo("success");
            assertThat(saslPlain("alice", "alice-password").name()).isEqualTo("failure");
            assertThat(errorCondition(unknown)).isEqualTo("item-not-found");
            assertThat(errorCondition(tooShort)).isEqualTo("bad-request");
            assertThat(saslPlain("bob", "bob-password").name()).isEqualTo("success");
        }
    }

    @Test
    void registeredUsersAreCountedInALabelledResultField() throws Exception {
        try (RawXmppClient admin = login(server, "admin", "console")) {
            XmlElement counted = new AdminCommandClient(admin).execute("get-registered-users-num");

            assertThat(status(counted)).isEqualTo("completed");
            assertThat(values(counted, "registeredusersnum")).containsExactly("3");
            assertThat(AdminCommandClient.field(counted, "registeredusersnum").attribute("label"))
                    .isEqualTo("The number of registered users");
        }
    }

    private XmlElement saslPlain(String user, String password) throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.openStream(TestServer.DOMAIN);
            client.startTls(TestServer.DOMAIN);
            return client.authenticatePlain(user, password);
        }
    }

    private static boolean pingAnswered(RawXmppClient client) throws Exception {
        client.send("<iq type='get' id='alive' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
        XmlElement reply = client.next();
        return "alive".equals(reply.attribute("id")) && "result".equals(reply.attribute("type"));
    }

    private Optional<Account> account() {
        return server.server().accounts().find(ALICE).toCompletableFuture().join();
    }

    private boolean exists(String user) {
        return server.server().accounts().exists(Jid.of(user, TestServer.DOMAIN, null)).toCompletableFuture().join();
    }
}
