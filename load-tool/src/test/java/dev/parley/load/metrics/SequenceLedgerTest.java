package dev.parley.load.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceLedgerTest {
    @Test
    void countsDistinctDuplicateAndLateArrivalsPerSender() {
        SequenceLedger ledger = new SequenceLedger();

        assertThat(ledger.record(7, 0)).isTrue();
        assertThat(ledger.record(7, 2)).isTrue();
        assertThat(ledger.record(7, 1)).isTrue();
        assertThat(ledger.record(7, 2)).isFalse();
        assertThat(ledger.record(8, 0)).isTrue();
        assertThat(ledger.record(8, -1)).isFalse();
        assertThat(ledger.record(8, SequenceLedger.MAX_SEQUENCE + 1)).isFalse();

        assertThat(ledger.distinct()).isEqualTo(4);
        assertThat(ledger.distinctFrom(7)).isEqualTo(3);
        assertThat(ledger.distinctFrom(9)).isZero();
        assertThat(ledger.duplicates()).isEqualTo(1);
        assertThat(ledger.outOfOrder()).isEqualTo(1);
        assertThat(ledger.invalid()).isEqualTo(2);
    }

    @Test
    void payloadsRoundTripAndForeignBodiesAreIgnored() {
        Payload payload = new Payload(12, 345, 6_789_000_000L);

        assertThat(Payload.decode(payload.encode())).isEqualTo(payload);
        assertThat(Payload.decode("hello")).isNull();
        assertThat(Payload.decode("load s=1 q=x t=2")).isNull();
        assertThat(Payload.decode("load s=1 q=2")).isNull();
        assertThat(Payload.decode(null)).isNull();
    }
}
