package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class ExternalServerTest {

    @Test
    void absentWithoutADomain() {
        assertThat(ExternalServer.fromProperties(new Properties())).isEmpty();
    }

    @Test
    void readsAddressAccountsAndAdministrator() {
        Properties properties = new Properties();
        properties.setProperty("parley.sint.external", "sint.test");
        properties.setProperty("parley.sint.port", "15222");
        properties.setProperty("parley.sint.accounts", "one:p1, two:p:2,three:p3");
        properties.setProperty("parley.sint.admin", "admin:secret");

        ExternalServer server = ExternalServer.fromProperties(properties).orElseThrow();

        assertThat(server.domain()).isEqualTo("sint.test");
        assertThat(server.c2sAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.c2sAddress().getPort()).isEqualTo(15222);
        assertThat(server.accounts()).containsExactly(
                new Account("one", "p1"), new Account("two", "p:2"), new Account("three", "p3"));
        assertThat(server.administrator()).contains(new Account("admin", "secret"));
        assertThat(server.tlsTrust().isTrustAll()).isTrue();
    }

    @Test
    void needsThreeAccounts() {
        Properties properties = new Properties();
        properties.setProperty("parley.sint.external", "sint.test");
        properties.setProperty("parley.sint.accounts", "one:p1,two:p2");

        assertThatThrownBy(() -> ExternalServer.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("three accounts");
    }

    @Test
    void accountEntriesNeedUserAndPassword() {
        assertThatThrownBy(() -> Account.parse("lonely")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Account.parse("user:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Account.parse(":pass")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountsNeverPrintTheirPassword() {
        assertThat(new Account("alice", "hunter2").toString()).contains("alice").doesNotContain("hunter2");
    }
}
