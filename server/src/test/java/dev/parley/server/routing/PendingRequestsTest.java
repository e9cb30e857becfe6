package dev.parley.server.routing;

import static dev.parley.server.testing.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.testing.RecordingSession;
import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.stanza.Iq;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests the server sends (RFC 6120 §8.2.3): matching replies by id and responder, timeouts, the bound. */
class PendingRequestsTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Iq> sent = new ArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private CompletionStage<Void> send(Iq iq) {
        sent.add(iq);
        return CompletableFuture.completedFuture(null);
    }

    private static Iq ping(String to) {
        return (Iq) RoutingFixture.stanza("<iq type='get' id='mine' from='example.com' to='" + to
                + "'><ping xmlns='urn:xmpp:ping'/></iq>");
    }

    private static Iq reply(String type, String from, String to, String id) {
        return (Iq) RoutingFixture.stanza("<iq type='" + type + "' id='" + id + "' from='" + from + "' to='" + to
                + "'/>");
    }

    @Test
    void theReplyFromTheAddresseeWithTheRequestsIdCompletesIt() {
        PendingRequests requests = new PendingRequests(timer, 10);
        CompletableFuture<Iq> answer = requests.request(ping("juliet@example.com/balcony"), LONG, this::send);

        Iq request = sent.getFirst();
        assertThat(request.id()).isNotEqualTo("mine");
        assertThat(request.payload().name()).isEqualTo("ping");
        assertThat(requests.waiting()).isEqualTo(1);

        Iq result = reply("result", "juliet@example.com/balcony", "example.com", request.id());
        assertThat(requests.replyArrived(result)).isTrue();
        assertThat(await(answer)).isSameAs(result);
        assertThat(requests.waiting()).isZero();
        assertThat(requests.replyArrived(result)).as("a second reply answers nothing").isFalse();
    }

    @Test
    void anErrorReplyCompletesTheRequestToo() {
        PendingRequests requests = new PendingRequests(timer, 10);
        CompletableFuture<Iq> answer = requests.request(ping("juliet@example.com/balcony"), LONG, this::send);
        Iq error = (Iq) RoutingFixture.stanza("<iq type='error' id='" + sent.getFirst().id()
                + "' from='juliet@example.com/balcony' to='example.com'><error type='cancel'>"
                + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        assertThat(requests.replyArrived(error)).isTrue();
        assertThat(await(answer).type()).isEqualTo(Iq.Type.ERROR);
    }

    @Test
    void aReplyFromSomeoneElseOrToAnotherServerIsNoReply() {
        PendingRequests requests = new PendingRequests(timer, 10);
        CompletableFuture<Iq> answer = requests.request(ping("juliet@example.com/balcony"), LONG, this::send);
        String id = sent.getFirst().id();

        assertThat(requests.replyArrived(reply("result", "romeo@example.com/orchard", "example.com", id))).isFalse();
        assertThat(requests.replyArrived(reply("result", "juliet@example.com", "example.com", id))).isFalse();
        assertThat(requests.replyArrived(reply("result", "juliet@example.com/balcony", "example.org", id))).isFalse();
        assertThat(requests.replyArrived(reply("result", "juliet@example.com/balcony", "example.com", "mine")))
                .isFalse();
        assertThat(answer).isNotDone();

        assertThat(requests.replyArrived(reply("result", "juliet@example.com/balcony", "example.com", id))).isTrue();
        assertThat(answer).isCompleted();
    }

    @Test
    void noReplyInTimeFailsTheRequestAndForgetsIt() {
        PendingRequests requests = new PendingRequests(timer, 10);
        CompletableFuture<Iq> answer = requests.request(ping("juliet@example.com/balcony"), Duration.ofMillis(50),
                this::send);

        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(requests.waiting()).isZero();
        assertThat(requests.replyArrived(reply("result", "juliet@example.com/balcony", "example.com",
                sent.getFirst().id()))).as("too late").isFalse();
    }

    @Test
    void atMostLimitRequestsWaitAtOnce() {
        PendingRequests requests = new PendingRequests(timer, 2);
        CompletableFuture<Iq> first = requests.request(ping("a@example.com/r"), LONG, this::send);
        requests.request(ping("b@example.com/r"), LONG, this::send);
        CompletableFuture<Iq> third = requests.request(ping("c@example.com/r"), LONG, this::send);

        assertThat(third).isCompletedExceptionally();
        assertThatThrownBy(third::join).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(sent).hasSize(2);

        first.cancel(false); // cancelling forgets the request: room for one more
        assertThat(requests.waiting()).isEqualTo(1);
        assertThat(requests.request(ping("c@example.com/r"), LONG, this::send)).isNotDone();
        assertThat(requests.waiting()).isEqualTo(2);
    }

    @Test
    void idsAreFreshAndUnpredictable() {
        PendingRequests requests = new PendingRequests(timer, 1000);
        for (int i = 0; i < 200; i++) {
            requests.request(ping("juliet@example.com/balcony"), LONG, this::send);
        }
        Set<String> ids = new HashSet<>();
        sent.forEach(iq -> ids.add(iq.id()));

        assertThat(ids).hasSize(200).allSatisfy(id -> assertThat(id).hasSize(20).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void aFailedSendFailsTheRequestAndForgetsIt() {
        PendingRequests requests = new PendingRequests(timer, 10);
        IllegalStateException broken = new IllegalStateException("no route");

        CompletableFuture<Iq> failedStage = requests.request(ping("juliet@example.com/balcony"), LONG,
                iq -> CompletableFuture.failedFuture(broken));
        CompletableFuture<Iq> thrown = requests.request(ping("juliet@example.com/balcony"), LONG, iq -> {
            throw broken;
        });

        assertThatThrownBy(failedStage::join).hasCause(broken);
        assertThatThrownBy(thrown::join).hasCause(broken);
        assertThat(requests.waiting()).isZero();
    }

    @Test
    void onlyGetsAndSetsFromAServerToAnAddressCanBeSent() {
        PendingRequests requests = new PendingRequests(timer, 10);
        for (String iq : List.of("<iq type='result' id='1' from='example.com' to='a@example.com/r'/>",
                "<iq type='get' id='1' from='a@example.com' to='b@example.com/r'><ping xmlns='urn:xmpp:ping'/></iq>",
                "<iq type='get' id='1' from='example.com'><ping xmlns='urn:xmpp:ping'/></iq>",
                "<iq type='get' id='1' to='a@example.com/r'><ping xmlns='urn:xmpp:ping'/></iq>")) {
            assertThatThrownBy(() -> requests.request((Iq) RoutingFixture.stanza(iq), LONG, this::send))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void throughTheRouterTheClientsAnswerToTheServerCompletesTheRequest(@TempDir Path directory) throws Exception {
        try (RoutingFixture fixture = new RoutingFixture(directory, "")) {
            fixture.addAccount("juliet");
            RecordingSession juliet = fixture.bind("juliet@example.com/balcony");
            CompletableFuture<Iq> answer = fixture.serverRequests.request(ping("juliet@example.com/balcony"), LONG,
                    fixture.router::route);
            Iq received = (Iq) juliet.take().getFirst();

            await(fixture.router.route(reply("result", "romeo@example.com/orchard", "example.com", received.id())));
            assertThat(answer).isNotDone();
            await(fixture.router.route(reply("result", "juliet@example.com/balcony", "example.com", received.id())));
            assertThat(await(answer).from()).isEqualTo(juliet.jid());
            assertThat(juliet.received()).as("nothing bounced back to the client").isEmpty();
        }
    }
}
