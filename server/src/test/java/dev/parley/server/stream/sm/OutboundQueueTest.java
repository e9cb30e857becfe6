package dev.parley.server.stream.sm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** The unacknowledged queue: what an ack removes, what is left to resend, and its bound. */
class OutboundQueueTest {
    private static XmlElement stanza(String id) {
        return XmlElement.builder("message", "jabber:client").attribute("id", id).build();
    }

    @Test
    void anAckRemovesWhatItCoversAndTheRestIsLeftInOrder() {
        OutboundQueue queue = new OutboundQueue(100);
        for (int i = 1; i <= 4; i++) {
            queue.add(stanza("m" + i), Instant.ofEpochSecond(i));
        }
        queue.acknowledge(2);
        assertThat(queue.unacked()).extracting(u -> u.stanza().attribute("id")).containsExactly("m3", "m4");
        assertThat(queue.unacked().getFirst().queued()).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(queue.acknowledged()).isEqualTo(2);
        assertThat(queue.acceptable(4)).isTrue();
        assertThat(queue.acceptable(5)).isFalse();
        assertThat(queue.drain()).hasSize(2);
        assertThat(queue.size()).isZero();
        assertThat(queue.sent()).as("draining does not uncount").isEqualTo(4);
    }

    @Test
    void isBounded() {
        OutboundQueue queue = new OutboundQueue(2);
        assertThat(queue.add(stanza("a"), Instant.EPOCH)).isTrue();
        assertThat(queue.add(stanza("b"), Instant.EPOCH)).isTrue();
        assertThat(queue.full()).isTrue();
        assertThat(queue.add(stanza("c"), Instant.EPOCH)).isFalse();
        assertThat(queue.sent()).as("what was not queued was not counted").isEqualTo(2);
        queue.acknowledge(1);
        assertThat(queue.add(stanza("c"), Instant.EPOCH)).isTrue();
    }
}
