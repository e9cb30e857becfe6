package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaErrorCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8266 nicknames as rooms enforce and compare them, row by row. */
class NicknamesTest {
    private static final Nicknames LIMIT_8 = new Nicknames(8);

    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of("plain", "Alice", "Alice", null),
                Arguments.of("spaces trimmed and collapsed (§2.2 additional mapping)", "  Al   ice ", "Al ice", null),
                Arguments.of("non-ASCII space mapped to ASCII space", "Al\u00A0ice", "Al ice", null),
                Arguments.of("fullwidth folded by NFKC", "\uFF21\uFF4C\uFF49\uFF43\uFF45", "Alice", null),
                Arguments.of("compatibility character folded by NFKC", "\u2163", "IV", null),
                Arguments.of("case kept when shown", "ALICE", "ALICE", null),
                Arguments.of("exactly at the limit, counted in code points", "\uD83D\uDE00".repeat(8),
                        "\uD83D\uDE00".repeat(8), null),
                Arguments.of("no nickname at all (§7.2.1)", null, null, StanzaErrorCondition.JID_MALFORMED),
                Arguments.of("only spaces: empty once enforced", "   ", null, StanzaErrorCondition.JID_MALFORMED),
                Arguments.of("only non-ASCII spaces", "\u00A0\u3000", null, StanzaErrorCondition.JID_MALFORMED),
                Arguments.of("control character", "a\u0007b", null, StanzaErrorCondition.NOT_ACCEPTABLE),
                Arguments.of("invisible zero-width space (§17.1)", "\u200Bx", null,
                        StanzaErrorCondition.NOT_ACCEPTABLE),
                Arguments.of("unassigned code point", "a\u0378", null, StanzaErrorCondition.NOT_ACCEPTABLE),
                Arguments.of("one past the limit", "ninechars", null, StanzaErrorCondition.NOT_ACCEPTABLE),
                Arguments.of("within the limit as sent, past it once NFKC expands it", "\uFB01".repeat(5), null,
                        StanzaErrorCondition.NOT_ACCEPTABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void check(String row, String requested, String shown, StanzaErrorCondition refusal) {
        Nicknames.Checked checked = LIMIT_8.check(requested);
        assertThat(checked.nick()).isEqualTo(shown);
        assertThat(checked.refusal()).isEqualTo(refusal);
        assertThat(checked.refused()).isEqualTo(refusal != null);
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of("Alice", "alice", true),
                Arguments.of("Alice", "\uFF41\uFF4C\uFF49\uFF43\uFF45", true),
                Arguments.of("Alice", " alice ", true),
                Arguments.of("\u00E9", "e\u0301", true),
                Arguments.of("\u03A3", "\u03C3", true),
                Arguments.of("IV", "\u2163", true),
                Arguments.of("Alice", "Alicia", false),
                Arguments.of("Al ice", "Alice", false),
                Arguments.of("a\u0007b", "a\u0007b", true));
    }

    @ParameterizedTest(name = "''{0}'' vs ''{1}'': same={2}")
    @MethodSource("comparisons")
    void sameUnderRfc8266Comparison(String a, String b, boolean same) {
        assertThat(Nicknames.same(a, b)).isEqualTo(same);
    }

    @Test
    void aLimitBelowOneIsAProgrammingError() {
        assertThatThrownBy(() -> new Nicknames(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
