package dev.parley.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JidTest {

    /** RFC 7622 §3.5, "Examples", valid JIDs, with their canonical forms. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "juliet@example.com|juliet@example.com",
        "juliet@example.com/foo|juliet@example.com/foo",
        "juliet@example.com/foo bar|juliet@example.com/foo bar",
        "juliet@example.com/foo@bar|juliet@example.com/foo@bar",
        "foo\\20bar@example.com|foo\\20bar@example.com",
        "fussball@example.com|fussball@example.com",
        "fußball@example.com|fußball@example.com",
        "π@example.com|π@example.com",
        "Σ@example.com/foo|σ@example.com/foo",
        "σ@example.com/foo|σ@example.com/foo",
        "ς@example.com/foo|ς@example.com/foo",
        "king@example.com/♚|king@example.com/♚",
        "example.com|example.com",
        "example.com/foobar|example.com/foobar",
        "a.example.com/b@example.net|a.example.com/b@example.net",
    })
    void acceptsTheValidExamplesOfRfc7622(String input, String canonical) {
        assertThat(Jid.parse(input)).hasToString(canonical);
    }

    /** RFC 7622 §3.5, invalid JIDs, plus the empty parts of §3.1. */
    @ParameterizedTest
    @ValueSource(strings = {
        "juliet@@example.com",
        "foo bar@example.com",
        "juliet@test@example.com",
        "henri\u2163@example.com",
        "♚@example.com",
        "juliet@",
        "/foobar",
        "",
        "@example.com",
        "example.com/",
        "juliet@example.com/",
        "@",
        "/",
    })
    void rejectsTheInvalidExamplesOfRfc7622(String input) {
        assertThatThrownBy(() -> Jid.parse(input)).isInstanceOf(JidFormatException.class);
        assertThat(Jid.tryParse(input)).isEmpty();
    }

    @Test
    void splitsOnTheFirstSlashThenTheFirstAt() {
        Jid jid = Jid.parse("juliet@example.com/a/b@c");

        assertThat(jid.local()).isEqualTo("juliet");
        assertThat(jid.domain()).isEqualTo("example.com");
        assertThat(jid.resource()).isEqualTo("a/b@c");
    }

    @Test
    void mapsCaseInLocalAndDomainButNotInResource() {
        Jid jid = Jid.parse("JuLiEt@Example.COM/Balcony");

        assertThat(jid).hasToString("juliet@example.com/Balcony");
        assertThat(jid).isEqualTo(Jid.parse("juliet@example.com/Balcony"));
        assertThat(jid).isNotEqualTo(Jid.parse("juliet@example.com/balcony"));
        assertThat(jid.hashCode()).isEqualTo(Jid.parse("juliet@example.com/Balcony").hashCode());
    }

    @Test
    void mapsFullWidthCharactersInLocalAndDomainButNotInResource() {
        Jid jid = Jid.parse("ＪＵＬＩＥＴ@ｅｘａｍｐｌｅ．ｃｏｍ/ＨＩ");

        assertThat(jid.local()).isEqualTo("juliet");
        assertThat(jid.domain()).isEqualTo("example.com");
        assertThat(jid.resource()).isEqualTo("ＨＩ");
    }

    @Test
    void rejectsAFullWidthAtSignThatMapsToAForbiddenCharacter() {
        assertThatThrownBy(() -> Jid.parse("a＠b@example.com"))
                .isInstanceOf(JidFormatException.class)
                .hasMessageContaining("localpart")
                .hasMessageContaining("'@'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "&", "'", "/", ":", "<", ">", "@"})
    void rejectsTheCharactersExcludedFromLocalparts(String c) {
        assertThatThrownBy(() -> Jid.of("a" + c + "b", "example.com", null))
                .isInstanceOf(JidFormatException.class)
                .hasMessageContaining("forbidden character");
    }

    @Test
    void appliesNfcToLocalAndResource() {
        Jid jid = Jid.parse("e\u0301@example.com/A\u030A");

        assertThat(jid.local()).isEqualTo("\u00E9");
        assertThat(jid.resource()).isEqualTo("\u00C5");
    }

    @Test
    void mapsNonAsciiSpaceInResourceAndRejectsControlCharacters() {
        assertThat(Jid.parse("a@example.com/foo\u3000bar").resource()).isEqualTo("foo bar");
        assertThatThrownBy(() -> Jid.parse("a@example.com/bell\u0007")).isInstanceOf(JidFormatException.class)
                .hasMessageContaining("resourcepart");
    }

    @Test
    void appliesTheBidiRuleToLocalparts() {
        assertThat(Jid.parse("\u05D0\u05D1@example.com").local()).isEqualTo("\u05D0\u05D1");
        assertThatThrownBy(() -> Jid.parse("1\u05D0@example.com")).isInstanceOf(JidFormatException.class);
    }

    @Test
    void stripsOneTrailingDotFromTheDomainpart() {
        assertThat(Jid.parse("juliet@example.com./balcony")).hasToString("juliet@example.com/balcony");
        assertThat(Jid.parse("example.com.")).isEqualTo(Jid.domain("example.com"));
        assertThatThrownBy(() -> Jid.parse("example.com..")).isInstanceOf(JidFormatException.class);
        assertThatThrownBy(() -> Jid.parse("juliet@.")).isInstanceOf(JidFormatException.class);
    }

    @Test
    void keepsInternationalisedDomainsAsULabelsUnderIdna2008() {
        Jid fromUnicode = Jid.parse("juliet@Faß.de");
        Jid fromAce = Jid.parse("juliet@XN--FA-HIA.de");

        assertThat(fromUnicode.domain()).isEqualTo("faß.de");
        assertThat(fromAce).isEqualTo(fromUnicode);
        assertThat(fromUnicode.asciiDomain()).isEqualTo("xn--fa-hia.de");
        assertThat(Jid.parse("MÜNCHEN.example").domain()).isEqualTo("münchen.example");
        assertThat(Jid.parse("xn--mnchen-3ya.example").domain()).isEqualTo("münchen.example");
        assertThat(Jid.parse("XN--MNCHEN-3YA.example").domain()).isEqualTo("münchen.example");
        assertThat(Jid.parse("example.com").asciiDomain()).isEqualTo("example.com");
    }

    @Test
    void treatsIdeographicFullStopsAsLabelSeparators() {
        assertThat(Jid.parse("juliet@例え。テスト").domain()).isEqualTo("例え.テスト");
        assertThat(Jid.parse("juliet@例え。テスト").asciiDomain()).isEqualTo("xn--r8jz45g.xn--zckzah");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "exa_mple.com",
        "exa mple.com",
        "-example.com",
        "example-.com",
        "ab--cd.example",
        "a..b",
        ".example.com",
        "xn--a.example",
        "xn--ls8h.example",
        "xn--.example",
        "xn--abc.example",
        "xn--a-.example",
        "xn--wca.example",
        "xn--ex-8tb.example",
        "ü_x.example",
        "\u0301a.example",
        "♚.example",
        "a\u200Db.example",
        "[::1",
        "[]",
        "[1.2.3.4]",
        "[::1%eth0]",
        "[12345::]",
        "[::1]:5222",
    })
    void rejectsInvalidDomainparts(String domain) {
        assertThatThrownBy(() -> Jid.domain(domain))
                .isInstanceOf(JidFormatException.class)
                .hasMessageContaining("domainpart");
    }

    @Test
    void acceptsIpLiterals() {
        assertThat(Jid.parse("juliet@[2001:DB8::1]/r").domain()).isEqualTo("[2001:db8::1]");
        assertThat(Jid.parse("[::1]").isDomain()).isTrue();
        assertThat(Jid.parse("[::ffff:192.0.2.1]").domain()).isEqualTo("[::ffff:192.0.2.1]");
        assertThat(Jid.parse("juliet@192.0.2.1").domain()).isEqualTo("192.0.2.1");
        assertThat(Jid.parse("[::1]").asciiDomain()).isEqualTo("[::1]");
    }

    @Test
    void limitsEachPartTo1023Octets() {
        String a1023 = "a".repeat(1023);
        assertThat(Jid.of(a1023, "example.com", a1023).local()).hasSize(1023);
        assertThatThrownBy(() -> Jid.of(a1023 + "a", "example.com", null))
                .isInstanceOf(JidFormatException.class).hasMessageContaining("localpart is longer than 1023 octets");
        assertThatThrownBy(() -> Jid.of(null, "example.com", a1023 + "a"))
                .isInstanceOf(JidFormatException.class).hasMessageContaining("resourcepart is longer");

        // Two octets each in UTF-8: 511 fit, 512 do not.
        assertThat(Jid.of("é".repeat(511), "example.com", null).local()).hasSize(511);
        assertThatThrownBy(() -> Jid.of("é".repeat(512), "example.com", null))
                .isInstanceOf(JidFormatException.class);
        // Decomposed input that NFC shrinks below the limit is measured after enforcement.
        assertThat(Jid.of("e\u0301".repeat(500), "example.com", null).local()).hasSize(500);
    }

    @Test
    void limitsDomainpartsTo1023OctetsAndLabelsTo63() {
        String label = "a".repeat(63);
        String domain1023 = String.join(".", Collections.nCopies(16, label));
        assertThat(domain1023).hasSize(1023);
        assertThat(Jid.domain(domain1023).domain()).isEqualTo(domain1023);
        assertThatThrownBy(() -> Jid.domain(domain1023 + ".b")).isInstanceOf(JidFormatException.class)
                .hasMessageContaining("domainpart is longer than 1023 octets");
        assertThatThrownBy(() -> Jid.domain(label + "a.example")).isInstanceOf(JidFormatException.class)
                .hasMessageContaining("63 octets");
        assertThatThrownBy(() -> Jid.domain("ü".repeat(60) + ".example")).isInstanceOf(JidFormatException.class)
                .hasMessageContaining("as an A-label");
    }

    @Test
    void rejectsHugeInputWithAShortMessage() {
        String huge = "a".repeat(200_000) + "@example.com";

        assertThatThrownBy(() -> Jid.parse(huge))
                .isInstanceOf(JidFormatException.class)
                .hasMessageStartingWith("invalid JID '" + "a".repeat(64) + "…': localpart is longer than 1023 octets");
    }

    @Test
    void namesThePartAndInputInItsMessage() {
        assertThatThrownBy(() -> Jid.parse("juliet@exa_mple.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid JID 'juliet@exa_mple.com': domainpart contains the character '_'"
                        + " (only letters, digits and hyphens are allowed)");
    }

    @Test
    void tryParseIsEmptyForNull() {
        assertThat(Jid.tryParse(null)).isEmpty();
        assertThat(Jid.tryParse("juliet@example.com")).contains(Jid.of("juliet", "example.com", null));
    }

    @Test
    void ofEnforcesEachPartAndTreatsNullAsAbsent() {
        Jid jid = Jid.of("Juliet", "EXAMPLE.com", "Balcony");

        assertThat(jid).hasToString("juliet@example.com/Balcony");
        assertThat(Jid.of(null, "example.com", null).isDomain()).isTrue();
        assertThatThrownBy(() -> Jid.of("", "example.com", null)).isInstanceOf(JidFormatException.class);
        assertThatThrownBy(() -> Jid.of("a", "example.com", "")).isInstanceOf(JidFormatException.class);
        assertThatThrownBy(() -> Jid.of("a", "", null)).isInstanceOf(JidFormatException.class);
    }

    @Test
    void derivesBareDomainAndResourceVariants() {
        Jid full = Jid.parse("juliet@example.com/balcony");

        assertThat(full.isBare()).isFalse();
        assertThat(full.isDomain()).isFalse();
        assertThat(full.bare()).hasToString("juliet@example.com");
        assertThat(full.bare()).isSameAs(full.bare());
        assertThat(full.bare().isBare()).isTrue();
        assertThat(full.bare().bare()).isSameAs(full.bare());
        assertThat(full.withResource("Chamber")).hasToString("juliet@example.com/Chamber");
        assertThat(full.withResource(null)).isEqualTo(full.bare());
        assertThat(full.domainJid()).isEqualTo(Jid.domain("example.com"));
        assertThat(full.domainJid().isDomain()).isTrue();
        assertThat(Jid.domain("example.com").domainJid()).isEqualTo(Jid.domain("example.com"));
        assertThat(Jid.parse("example.com/r").isDomain()).isFalse();
        assertThatThrownBy(() -> full.withResource("")).isInstanceOf(JidFormatException.class);
    }

    @Test
    void comparesByCanonicalString() {
        Jid a = Jid.parse("Alice@example.com");
        Jid b = Jid.parse("bob@example.com");

        assertThat(a.compareTo(b)).isNegative();
        assertThat(b.compareTo(a)).isPositive();
        assertThat(a.compareTo(Jid.parse("alice@EXAMPLE.com"))).isZero();
    }
}
