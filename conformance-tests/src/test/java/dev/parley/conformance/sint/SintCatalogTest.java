package dev.parley.conformance.sint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;

import org.jivesoftware.smack.LoginIntegrationTest;
import org.jivesoftware.smackx.ping.PingIntegrationTest;
import org.junit.jupiter.api.Test;

class SintCatalogTest {

    private final List<SintTestClass> catalog = SintCatalog.load();

    @Test
    void findsSpecifiedTestsWithTheirDocumentAndMethods() {
        assertThat(catalog).filteredOn(test -> test.type() == PingIntegrationTest.class)
                .singleElement()
                .satisfies(ping -> {
                    assertThat(ping.specification()).isEqualTo("XEP-0199");
                    assertThat(ping.hasSpecificationReference()).isTrue();
                    assertThat(ping.testMethods()).containsExactly("pingAsync", "pingServer");
                });
    }

    @Test
    void namesUnspecifiedTestsAfterTheirClass() {
        assertThat(catalog).filteredOn(test -> test.type() == LoginIntegrationTest.class)
                .singleElement()
                .satisfies(login -> {
                    assertThat(login.hasSpecificationReference()).isFalse();
                    assertThat(login.specification()).isEqualTo("LoginIntegrationTest");
                });
    }

    @Test
    void listsOnlyConcreteClassesWithTests() {
        assertThat(catalog).hasSizeGreaterThan(30);
        assertThat(catalog).allSatisfy(test -> {
            assertThat(Modifier.isAbstract(test.type().getModifiers())).as(test.name()).isFalse();
            assertThat(test.testMethods()).as(test.name()).isNotEmpty();
        });
        assertThat(catalog).extracting(SintTestClass::name).doesNotHaveDuplicates();
    }

    /** SINT enables a single test method by its declaring class, which the per-method re-runs rely on. */
    @Test
    void testMethodsAreDeclaredByTheirOwnClass() throws Exception {
        for (SintTestClass test : catalog) {
            for (String method : test.testMethods()) {
                assertThat(java.util.Arrays.stream(test.type().getMethods())
                        .filter(candidate -> candidate.getName().equals(method))
                        .allMatch(candidate -> candidate.getDeclaringClass() == test.type()))
                        .as("%s.%s", test.name(), method).isTrue();
            }
        }
    }
}
