package dev.parley.server.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountIdTest {
    @Test
    void printsAsBareJid() {
        assertThat(new AccountId("example.com", "alice")).hasToString("alice@example.com");
    }

    @Test
    void partsMustBeNonEmpty() {
        assertThatThrownBy(() -> new AccountId("", "alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domain");
        assertThatThrownBy(() -> new AccountId("example.com", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username");
        assertThatThrownBy(() -> new AccountId(null, "alice")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void separatorsAreRejected() {
        assertThatThrownBy(() -> new AccountId("example.com", "a@b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountId("example.com/x", "alice"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsAreLimitedTo1023Octets() {
        String multiByte = "\u00e9".repeat(511);
        assertThat(new AccountId("example.com", multiByte + "a").username()).hasSize(512);
        assertThatThrownBy(() -> new AccountId("example.com", multiByte + "\u00e9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1023");
    }

    @Test
    void unpairedSurrogatesAreRejected() {
        assertThatThrownBy(() -> new AccountId("example.com", "a\ud835")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountId("example.com", "\udd18a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AccountId("example.com", "\ud835\udd18").username()).isEqualTo("\ud835\udd18");
    }

    @Test
    void requireDomainAppliesTheSameRules() {
        assertThat(AccountId.requireDomain("example.com")).isEqualTo("example.com");
        assertThatThrownBy(() -> AccountId.requireDomain("")).isInstanceOf(IllegalArgumentException.class);
    }
}
