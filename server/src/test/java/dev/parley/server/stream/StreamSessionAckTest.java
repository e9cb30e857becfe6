package dev.parley.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.stream.sm.AckState;
import dev.parley.server.stream.sm.OutboundQueue.Unacked;
import dev.parley.server.stream.sm.SmElements;
import dev.parley.server.testing.RoutingFixture;
import dev.parley.xmpp.error.StreamErrorCondition;
import dev.parley.xmpp.stanza.Stanza;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The stream management side of {@link StreamSession}: counting, ack requests, detaching, resuming, overflow. */
class StreamSessionAckTest {
    private final RecordingTransport transport = new RecordingTransport();
    private final List<Unacked> rerouted = new ArrayList<>();
    private final StreamSession session = RecordingTransport.session("bob@example.com/pc", transport, rerouted);

    private static Stanza message(String id) {
        return RoutingFixture.stanza("<message id='" + id + "' from='a@example.com/x'><body>b</body></message>");
    }

    private void enable(int capacity, int requestAfter) {
        session.enableStreamManagement(new AckState("id", Duration.ofMinutes(5), capacity, requestAfter),
                SmElements.enabled("id", true, 300));
    }

    @Test
    void asksForAnAckAfterEnoughStanzasAndWhenIdle() {
        enable(100, 2);
        session.deliver(message("m1"));
        assertThat(transport.timers).as("an idle request is scheduled").hasSize(1);
        session.deliver(message("m2"));
        assertThat(transport.names()).containsExactly("enabled:id", "message:m1", "message:m2", "r");
        session.deliver(message("m3"));
        transport.timers.getLast().run();
        assertThat(transport.names()).endsWith("message:m3", "r");
        session.acknowledge(3);
        session.deliver(message("m4"));
        session.acknowledge(4);
        transport.timers.getLast().run();
        assertThat(transport.names()).as("nothing unacknowledged: no request").endsWith("message:m4");
    }

    @Test
    void aDetachedSessionQueuesAndResumingResendsWhatTheClientDidNotGet() {
        enable(100, 1000);
        session.deliver(message("m1"));
        session.deliver(message("m2"));
        assertThat(session.connectionLost(transport, false)).isEqualTo(StreamSession.Lost.DETACH);
        session.deliver(message("m3"));
        assertThat(session.takeOver()).isNotNull();
        RecordingTransport next = new RecordingTransport();
        assertThat(session.resumeOn(next, new CompletableFuture<>(), 1, SmElements.resumed("id", 0))).isTrue();
        assertThat(next.names()).containsExactly("resumed", "message:m2", "message:m3", "r");
        session.deliver(message("m4"));
        assertThat(next.names()).endsWith("message:m4");
        assertThat(session.connectionLost(transport, false)).as("the old connection no longer owns it")
                .isEqualTo(StreamSession.Lost.NONE);
    }

    @Test
    void aFullQueueEndsTheStreamAndLosesNothing() {
        enable(2, 1000);
        session.deliver(message("m1"));
        session.deliver(message("m2"));
        session.deliver(message("m3"));
        assertThat(transport.closedWith).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(rerouted).extracting(u -> u.stanza().attribute("id")).containsExactly("m3");
        assertThat(session.connectionLost(transport, false)).as("not resumable after misbehaving")
                .isEqualTo(StreamSession.Lost.END);
        assertThat(session.finish()).extracting(u -> u.stanza().attribute("id")).containsExactly("m1", "m2");
        session.deliver(message("late"));
        assertThat(rerouted).extracting(u -> u.stanza().attribute("id")).containsExactly("m3", "late");
    }

    @Test
    void aCleanCloseOrAReplacedSessionIsNotKeptForResumption() {
        enable(10, 10);
        assertThat(session.connectionLost(transport, true)).isEqualTo(StreamSession.Lost.END);

        StreamSession replaced = RecordingTransport.session("bob@example.com/tab", transport, rerouted);
        replaced.enableStreamManagement(new AckState("id2", Duration.ofMinutes(5), 10, 10),
                SmElements.enabled("id2", true, 300));
        replaced.terminate(StreamErrorCondition.CONFLICT, "replaced");
        assertThat(transport.closedWith).isEqualTo(StreamErrorCondition.CONFLICT);
        assertThat(replaced.connectionLost(transport, false)).isEqualTo(StreamSession.Lost.END);
        assertThat(replaced.takeOver()).isNull();
    }

    @Test
    void heldMessagesAreReturnedWhenTheSessionEnds() {
        enable(10, 10);
        session.holdMessages();
        session.deliver(message("held"));
        session.connectionLost(transport, true);
        assertThat(session.finish()).extracting(u -> u.stanza().attribute("id")).containsExactly("held");
    }
}
