package dev.parley.conformance.sint;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.AbstractSmackIntegrationTest;
import org.igniterealtime.smack.inttest.AbstractSmackLowLevelIntegrationTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;

/**
 * Lists the test classes shipped in the smack-integration-test jar, the same set SINT itself runs: concrete subclasses of
 * its two test base classes in the {@code org.jivesoftware.smack(x)} and {@code org.igniterealtime.smack(x)} packages.
 *
 * <p>The harness needs the list up front because it runs each class in a framework run of its own (see
 * {@link SintClassRunner}); the jar is read directly since Surefire's manifest-only class path hides it from
 * {@code java.class.path}.
 */
public final class SintCatalog {

    private static final List<String> TEST_PACKAGE_PREFIXES = List.of(
            "org/jivesoftware/smack", "org/igniterealtime/smack");

    /** SINT's own unit-test fixtures, which it skips too. */
    private static final String UNIT_TEST_PACKAGE = "org/igniterealtime/smack/inttest/unittest/";

    private SintCatalog() {
    }

    /** All SINT test classes, ordered by specification then class name. */
    public static List<SintTestClass> load() {
        ClassLoader loader = SintCatalog.class.getClassLoader();
        List<SintTestClass> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(sintJar().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (!isCandidate(entry)) {
                    continue;
                }
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                Class<?> type = Class.forName(className, false, loader);
                if (isRunnableTest(type)) {
                    classes.add(SintTestClass.of(type.asSubclass(AbstractSmackIntTest.class)));
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the SINT test classes", e);
        }
        classes.sort(Comparator.comparing(SintTestClass::specification).thenComparing(SintTestClass::name));
        return List.copyOf(classes);
    }

    private static boolean isCandidate(String entry) {
        return entry.endsWith(".class")
                && !entry.contains("$")
                && !entry.startsWith(UNIT_TEST_PACKAGE)
                && TEST_PACKAGE_PREFIXES.stream().anyMatch(entry::startsWith);
    }

    private static boolean isRunnableTest(Class<?> type) {
        return !Modifier.isAbstract(type.getModifiers())
                && (AbstractSmackIntegrationTest.class.isAssignableFrom(type)
                    || AbstractSmackLowLevelIntegrationTest.class.isAssignableFrom(type));
    }

    private static Path sintJar() {
        try {
            return Path.of(SmackIntegrationTestFramework.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the smack-integration-test jar", e);
        }
    }
}
