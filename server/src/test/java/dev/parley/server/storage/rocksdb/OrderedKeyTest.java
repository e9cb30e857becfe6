package dev.parley.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderedKeyTest {
    @Test
    void textComponentsSortByCodePointThenByLength() {
        List<String> values = new ArrayList<>(List.of("", "\u0000", "\u0000\u0000", "a", "a\u0000", "a\u0000b",
                "ab", "b", "\u00e9", "\uffff", "\ud835\udd18"));
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            values.add(randomText(random));
        }

        List<String> byKey = values.stream()
                .sorted(Comparator.comparing((String v) -> OrderedKey.builder().text(v).text("tail").build(),
                        Arrays::compareUnsigned))
                .toList();
        List<String> byCodePoint = values.stream()
                .sorted(Comparator.comparing((String v) -> v.codePoints().toArray(), Arrays::compare))
                .toList();

        assertThat(byKey).isEqualTo(byCodePoint);
    }

    @Test
    void int64ComponentsSortNumerically() {
        long[] values = {Long.MIN_VALUE, -1_000_000, -1, 0, 1, 255, 256, Long.MAX_VALUE};
        for (int i = 1; i < values.length; i++) {
            byte[] lower = OrderedKey.builder().int64(values[i - 1]).build();
            byte[] higher = OrderedKey.builder().int64(values[i]).build();
            assertThat(Arrays.compareUnsigned(lower, higher)).as("%d < %d", values[i - 1], values[i]).isNegative();
        }
    }

    @Test
    void componentsReadBackInOrder() {
        byte[] binary = {0, (byte) 0xFF, 0, 1, 0};
        byte[] key = OrderedKey.builder().text("dom\u0000ain").int64(-42).bytes(binary).text("").build();

        OrderedKey.Reader reader = OrderedKey.reader(key);

        assertThat(reader.text()).isEqualTo("dom\u0000ain");
        assertThat(reader.int64()).isEqualTo(-42);
        assertThat(reader.bytes()).isEqualTo(binary);
        assertThat(reader.text()).isEmpty();
        assertThat(reader.hasRemaining()).isFalse();
    }

    @Test
    void aPartitionPrefixMatchesOnlyItsOwnPartition() {
        byte[] partition = OrderedKey.builder().text("example.com").build();

        assertThat(OrderedKey.startsWith(OrderedKey.builder().text("example.com").text("a").build(), partition))
                .isTrue();
        assertThat(OrderedKey.startsWith(OrderedKey.builder().text("example.com.evil").text("a").build(),
                partition)).isFalse();
        assertThat(OrderedKey.startsWith(OrderedKey.builder().text("example.co").text("m").build(), partition))
                .isFalse();
    }

    @Test
    void aTextPrefixMatchesExactlyTheTextsThatStartWithIt() {
        byte[] prefix = OrderedKey.builder().text("example.com").textPrefix("p:\u0000a").build();
        List<String> values = List.of("", "p", "p:", "p:\u0000", "p:\u0000a", "p:\u0000ab", "p:\u0000a\u0000",
                "p:\u0000b", "p:a", "q");
        for (String value : values) {
            byte[] key = OrderedKey.builder().text("example.com").text(value).int64(1).build();
            assertThat(OrderedKey.startsWith(key, prefix)).as(value).isEqualTo(value.startsWith("p:\u0000a"));
        }
        assertThat(OrderedKey.builder().text("d").textPrefix("").build())
                .isEqualTo(OrderedKey.builder().text("d").build());
    }

    @Test
    void upperBoundIsAboveEveryKeyWithThePrefixAndBelowTheNext() {
        byte[] partition = OrderedKey.builder().text("a").build();
        byte[] inside = OrderedKey.builder().text("a").text("\uffff\uffff").int64(Long.MAX_VALUE).build();
        byte[] next = OrderedKey.builder().text("a\u0000").build();
        byte[] bound = OrderedKey.upperBound(partition);

        assertThat(Arrays.compareUnsigned(inside, bound)).isNegative();
        assertThat(Arrays.compareUnsigned(bound, next)).isNotPositive();
        assertThat(OrderedKey.upperBound(new byte[] {1, (byte) 0xFF})).containsExactly(2);
        assertThat(OrderedKey.upperBound(new byte[] {(byte) 0xFF})).isNull();
    }

    @Test
    void malformedKeysAreRejected() {
        assertThatThrownBy(() -> OrderedKey.reader(new byte[] {'a'}).text())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderedKey.reader(new byte[] {'a', 0, 7}).text())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderedKey.reader(new byte[] {(byte) 0xC3, 0, 1}).text())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderedKey.reader(new byte[7]).int64()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderedKey.builder().text("\ud835")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomText(Random random) {
        int[] pool = {0, 'a', 'b', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0xFB01, 0xFFFF, 0x10000, 0x1D518, 0x10FFFF};
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            text.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return text.toString();
    }
}
