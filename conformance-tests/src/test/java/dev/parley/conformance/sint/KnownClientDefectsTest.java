package dev.parley.conformance.sint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.jivesoftware.smackx.ping.PingIntegrationTest;
import org.junit.jupiter.api.Test;

class KnownClientDefectsTest {

    @Test
    void findsTheReasonOfAListedTestOnly() {
        KnownClientDefects defects = KnownClientDefects.parse(List.of(
                "# comment", "", "PingIntegrationTest.pingServer: a race in the client: fixed upstream"));
        SintTestClass ping = SintTestClass.of(PingIntegrationTest.class);

        assertThat(defects.reason(ping, "pingServer")).hasValue("a race in the client: fixed upstream");
        assertThat(defects.reason(ping, "pingAsync")).isEmpty();
    }

    @Test
    void refusesAnEntryWithoutAReason() {
        assertThatThrownBy(() -> KnownClientDefects.parse(List.of("PingIntegrationTest.pingServer")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PingIntegrationTest.pingServer");
        assertThatThrownBy(() -> KnownClientDefects.parse(List.of("PingIntegrationTest.pingServer:  ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A misspelt entry would silently never apply: every listed test must exist in the SINT version we run. */
    @Test
    void everyShippedEntryNamesARealSintTest() throws Exception {
        KnownClientDefects shipped = KnownClientDefects.read(Path.of("known-client-defects.txt"));
        List<SintTestClass> catalog = SintCatalog.load();

        assertThat(shipped.reasons()).isNotEmpty();
        assertThat(shipped.reasons().keySet()).allSatisfy(test -> assertThat(catalog).anySatisfy(testClass -> {
            assertThat(test).startsWith(testClass.type().getSimpleName() + '.');
            assertThat(testClass.testMethods()).contains(test.substring(test.indexOf('.') + 1));
        }));
    }
}
