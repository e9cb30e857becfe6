package dev.parley.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PunycodeTest {

    /** Samples from RFC 3492 §7.1 and well-known IDN test labels. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "他们为什么不说中文|ihqwcrb4cv8a8dqg056pqjye",
        "ليهمابتكلموشعربي؟|egbpdaj6bu4bxfgehfvwxn",
        "3年B組金八先生|3B-ww4c5e180e575a65lsy2b",
        "MajiでKoiする5秒前|MajiKoi5-783gue6qz075azm5e",
        "bücher|bcher-kva",
        "faß|fa-hia",
        "テスト|zckzah",
    })
    void encodesAndDecodesRfc3492Samples(String unicode, String encoded) {
        assertThat(Punycode.encode(unicode)).isEqualTo(encoded);
        assertThat(Punycode.decode(encoded)).isEqualTo(unicode);
    }

    @Test
    void decodesUppercaseDigits() {
        assertThat(Punycode.decode("BCHER-KVA")).isEqualTo("BüCHER");
    }

    @Test
    void roundTripsRandomStringsIncludingSupplementaryCodePoints() {
        Random random = new Random(7622);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                int cp;
                do {
                    cp = random.nextInt(3) == 0 ? 'a' + random.nextInt(26) : random.nextInt(0x30000);
                } while (Character.getType(cp) == Character.SURROGATE);
                sb.appendCodePoint(cp);
            }
            String s = sb.toString();
            assertThat(Punycode.decode(Punycode.encode(s))).isEqualTo(s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc-!", "ü-abc", "99999999999999", "bcher-kv"})
    void rejectsMalformedInput(String encoded) {
        assertThatThrownBy(() -> Punycode.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }
}
