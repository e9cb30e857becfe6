package dev.parley.server.stream.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.xml.XmlElement;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** XEP-0198 §4 counts: unsignedInt, from 2^32-1 back to zero, compared modulo 2^32. */
class AckCounterTest {
    private static final long MAX = 0xFFFF_FFFFL;

    @Test
    void wrapsFromTheLargestUnsignedIntToZero() {
        AckCounter counter = new AckCounter(MAX - 1);
        counter.increment();
        assertThat(counter.value()).isEqualTo(MAX);
        counter.increment();
        assertThat(counter.value()).isZero();
        assertThat(AckCounter.distance(MAX - 1, 1)).isEqualTo(3);
        assertThat(AckCounter.plus(MAX, 2)).isEqualTo(1);
    }

    @Test
    void parsesOnlyUnsignedInts() {
        assertThat(AckCounter.parse("0")).isZero();
        assertThat(AckCounter.parse("4294967295")).isEqualTo(MAX);
        for (String bad : new String[]{null, "", "-1", "4294967296", "1e3", " 1", "99999999999"}) {
            assertThatThrownBy(() -> AckCounter.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aQueueAcknowledgesAcrossTheWrap() {
        OutboundQueue queue = new OutboundQueue(10, MAX - 2);
        for (int i = 0; i < 5; i++) {
            assertThat(queue.add(XmlElement.empty("message", "jabber:client"), Instant.EPOCH)).isTrue();
        }
        assertThat(queue.sent()).isEqualTo(2);
        assertThat(queue.acknowledge(MAX)).isEqualTo(OutboundQueue.Ack.ACCEPTED);
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.acceptable(3)).as("one more than sent, across the wrap").isFalse();
        assertThat(queue.acknowledge(3)).isEqualTo(OutboundQueue.Ack.TOO_HIGH);
        assertThat(queue.size()).as("a refused ack changes nothing").isEqualTo(3);
        assertThat(queue.acknowledge(1)).isEqualTo(OutboundQueue.Ack.ACCEPTED);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.acknowledge(MAX)).as("an old 'h' again is no news").isEqualTo(OutboundQueue.Ack.ACCEPTED);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.acknowledge(2)).isEqualTo(OutboundQueue.Ack.ACCEPTED);
        assertThat(queue.size()).isZero();
    }
}
