package dev.parley.server.auth;

import static dev.parley.server.testing.Iqs.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.admin.AdminArguments;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.api.storage.OfflineMessage;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.testing.RawXmppClient;
import dev.parley.server.testing.TestServer;
import dev.parley.server.testing.XmppSession;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deleting an account, by any path, erases its per-account data: a new account of the same name starts empty. */
class AccountDataErasureTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static KeyValueStore store() {
        return server.server().storage().keyValues();
    }

    private static Map<String, byte[]> stored(String username) {
        return store().list(new AccountId(TestServer.DOMAIN, username), "").toCompletableFuture().join();
    }

    private static void register(String username, String password) throws Exception {
        try (RawXmppClient client = RawXmppClient.connect(server.c2sPort())) {
            client.openStream(TestServer.DOMAIN);
            client.startTls(TestServer.DOMAIN);
            client.send("<iq type='set' id='r'><query xmlns='jabber:iq:register'><username>" + username
                    + "</username><password>" + password + "</password></query></iq>");
            assertThat(client.next().attribute("type")).isEqualTo("result");
        }
    }

    @Test
    void removingTheAccountInBandErasesItsVCardAndPrivateXml() throws Exception {
        register("ophelia", "ophelia-password");
        try (XmppSession ophelia = XmppSession.login(server, "ophelia", "ophelia-password", "river")) {
            ophelia.request("<iq type='set' id='v'><vCard xmlns='vcard-temp'><FN>Ophelia</FN></vCard></iq>");
            ophelia.request("<iq type='set' id='p'><query xmlns='jabber:iq:private'>"
                    + "<storage xmlns='storage:bookmarks'><url name='x' url='https://example.com/'/></storage>"
                    + "</query></iq>");
            assertThat(stored("ophelia")).containsKeys("vcard", "private:{storage:bookmarks}storage");

            ophelia.request("<iq type='set' id='r'><query xmlns='jabber:iq:register'><remove/></query></iq>");
            ophelia.client().awaitClose();
        }
        assertThat(stored("ophelia")).isEmpty();

        register("ophelia", "another-password");
        try (XmppSession again = XmppSession.login(server, "ophelia", "another-password", "new")) {
            assertThat(result(again.request("<iq type='get' id='v2'><vCard xmlns='vcard-temp'/></iq>")))
                    .isEqualTo(XmlElement.empty("vCard", "vcard-temp"));
            XmlElement bookmarks = result(again.request("<iq type='get' id='p2'><query xmlns='jabber:iq:private'>"
                    + "<storage xmlns='storage:bookmarks'/></query></iq>"));
            assertThat(bookmarks.child("storage", "storage:bookmarks")).contains(
                    XmlElement.empty("storage", "storage:bookmarks"));
        }
    }

    @Test
    void theAdminDeleteCommandErasesTheData() {
        server.addUser("polonius", "polonius-password");
        AccountId polonius = new AccountId(TestServer.DOMAIN, "polonius");
        store().put(polonius, Map.of("vcard", new byte[] {1}, "last-activity", new byte[] {2}))
                .toCompletableFuture().join();

        server.server().adminCommands().command("delete-user").orElseThrow()
                .execute(AdminArguments.of(Map.of("accountjids", "polonius@localhost"))).toCompletableFuture().join();

        assertThat(stored("polonius")).isEmpty();
    }

    @Test
    void theAdminDeleteCommandErasesTheRosterOfflineQueueAndArchiveSoANewOwnerInheritsNothing() {
        server.addUser("laertes", "laertes-password");
        AccountId laertes = new AccountId(TestServer.DOMAIN, "laertes");
        var storage = server.server().storage();
        storage.roster().update(laertes, Jid.parse("hamlet@localhost"),
                current -> Optional.of(RosterItem.listed(Jid.parse("hamlet@localhost"), "Hamlet", List.of())), 100)
                .toCompletableFuture().join();
        storage.offline().append(laertes, new OfflineMessage(1, Instant.now(),
                XmlElement.builder("message", "jabber:client").textChild("body", "for the old owner").build()), 10)
                .toCompletableFuture().join();
        storage.archive().append(laertes, Instant.now(), Jid.parse("hamlet@localhost"),
                XmlElement.builder("message", "jabber:client").textChild("body", "archived").build())
                .toCompletableFuture().join();

        server.server().adminCommands().command("delete-user").orElseThrow()
                .execute(AdminArguments.of(Map.of("accountjids", "laertes@localhost"))).toCompletableFuture().join();

        assertThat(storage.roster().load(laertes).toCompletableFuture().join().items()).isEmpty();
        assertThat(storage.offline().list(laertes, 10).toCompletableFuture().join()).isEmpty();
        assertThat(storage.archive().bounds(laertes).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void deletingAMissingAccountStillErasesDataLeftBehind() {
        AccountId ghost = new AccountId(TestServer.DOMAIN, "ghost");
        store().put(ghost, "vcard", new byte[] {1}).toCompletableFuture().join();

        boolean deleted = server.server().accounts().delete(Jid.parse("ghost@localhost")).toCompletableFuture().join();

        assertThat(deleted).isFalse();
        assertThat(stored("ghost")).isEmpty();
    }
}
