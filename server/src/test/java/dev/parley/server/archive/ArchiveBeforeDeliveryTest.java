package dev.parley.server.archive;

import static dev.parley.server.testing.RoutingFixture.await;
import static dev.parley.server.testing.RoutingFixture.stanza;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.ArchiveQuery;
import dev.parley.server.api.storage.ArchivedMessage;
import dev.parley.server.testing.RecordingSession;
import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing stage of a message completes only once both archives hold it durably (what stream management will ack
 * on), and a message the archive cannot keep reaches no one: its sender gets an error.
 */
class ArchiveBeforeDeliveryTest {
    private static final AccountId ALICE = new AccountId(RoutingFixture.DOMAIN, "alice");
    private static final AccountId BOB = new AccountId(RoutingFixture.DOMAIN, "bob");

    @TempDir
    Path directory;
    private RoutingFixture node;
    private RecordingSession alice;
    private RecordingSession bob;

    @BeforeEach
    void start() throws Exception {
        node = new RoutingFixture(directory, "");
        node.addAccount("alice");
        node.addAccount("bob");
        alice = node.bind("alice@example.com/phone");
        bob = node.bind("bob@example.com/pc");
        await(node.router.fromClient(bob, stanza("<presence from='bob@example.com/pc'/>")));
        bob.take();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Stanza chat(String body) {
        return stanza("<message type='chat' from='alice@example.com/phone' to='bob@example.com'><body>" + body
                + "</body></message>");
    }

    private List<ArchivedMessage> archive(AccountId account) {
        return await(node.storage.archive().query(account, ArchiveQuery.firstPage(10))).orElseThrow().messages();
    }

    @Test
    void whenTheStageCompletesBothArchivesHoldTheMessageAndBobHasIt() {
        await(node.router.fromClient(alice, chat("durable")));

        ArchivedMessage outgoing = archive(ALICE).getFirst();
        ArchivedMessage incoming = archive(BOB).getFirst();
        assertThat(outgoing.with().toString()).isEqualTo("bob@example.com");
        assertThat(incoming.with().toString()).isEqualTo("alice@example.com/phone");
        assertThat(((Message) bob.take().getFirst()).body()).isEqualTo("durable");
    }

    @Test
    void whenTheArchiveCannotStoreTheSenderGetsAnErrorAndNobodyTheMessage() {
        node.storage.close();

        await(node.router.fromClient(alice, chat("lost?")));

        assertThat(bob.received()).isEmpty();
        Stanza error = alice.received().getFirst();
        assertThat(error.isError()).isTrue();
        assertThat(error.error().condition().name()).isEqualTo("INTERNAL_SERVER_ERROR");
    }
}
