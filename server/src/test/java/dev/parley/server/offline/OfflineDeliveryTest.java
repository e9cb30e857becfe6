package dev.parley.server.offline;

import static dev.parley.server.testing.RoutingFixture.await;
import static dev.parley.server.testing.RoutingFixture.stanza;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.testing.RecordingSession;
import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Stanza;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** XEP-0160 delivery through the real router and store: stored messages first, live ones after, nothing twice. */
class OfflineDeliveryTest {
    @TempDir
    Path directory;
    private RoutingFixture node;
    private RecordingSession bob;

    @BeforeEach
    void start() throws Exception {
        node = new RoutingFixture(directory, "");
        node.addAccount("alice");
        node.addAccount("bob");
        bob = node.bind("bob@example.com/pc");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private CompletionStage<Void> send(String id) {
        return node.router.route(stanza("<message type='chat' from='alice@example.com/x' to='bob@example.com' id='"
                + id + "'><body>" + id + "</body></message>"));
    }

    private List<String> messageIds() {
        return bob.received().stream().filter(Message.class::isInstance).map(Stanza::id).toList();
    }

    @Test
    void storedMessagesGoOutBeforeMessagesThatArriveMeanwhile() {
        for (String id : List.of("m1", "m2", "m3")) {
            await(send(id));
        }

        CompletionStage<Void> online = node.router.fromClient(bob, stanza("<presence from='bob@example.com/pc'/>"));
        CompletionStage<Void> live = send("live");
        await(online);
        await(live);

        assertThat(messageIds()).containsExactly("m1", "m2", "m3", "live");
        assertThat(bob.received().stream().filter(s -> s.id() != null && s.id().startsWith("m")))
                .allMatch(s -> s.element().child("delay", "urn:xmpp:delay").isPresent());
        assertThat(await(node.storage.offline().list(new AccountId("example.com", "bob"), 10))).isEmpty();
    }

    @Test
    void aNegativePriorityKeepsMessagesStoredUntilThePriorityRises() {
        await(send("m1"));
        await(node.router.fromClient(bob, stanza("<presence from='bob@example.com/pc'><priority>-3</priority></presence>")));
        await(send("m2"));
        assertThat(messageIds()).isEmpty();

        await(node.router.fromClient(bob, stanza("<presence from='bob@example.com/pc'><priority>2</priority></presence>")));

        assertThat(messageIds()).containsExactly("m1", "m2");
    }

    @Test
    void aSecondResourceDoesNotGetTheMessagesAgain() {
        await(send("m1"));
        await(node.router.fromClient(bob, stanza("<presence from='bob@example.com/pc'/>")));
        RecordingSession phone = node.bind("bob@example.com/phone");

        await(node.router.fromClient(phone, stanza("<presence from='bob@example.com/phone'/>")));

        assertThat(messageIds()).containsExactly("m1");
        assertThat(phone.received()).noneMatch(Message.class::isInstance);
    }
}
