package dev.parley.conformance.sint;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.AbstractSmackLowLevelIntegrationTest;
import org.igniterealtime.smack.inttest.annotations.SmackIntegrationTest;
import org.igniterealtime.smack.inttest.annotations.SpecificationReference;

/**
 * One SINT test class with the specification it tests and its test methods.
 *
 * @param type          the test class
 * @param specification the document its {@code @SpecificationReference} names, exactly as spelled there (e.g.
 *                      {@code XEP-0199}, {@code RFC6121}); for a class without one, its simple name, so that it can still be
 *                      grouped and claimed
 * @param testMethods   names of its {@code @SmackIntegrationTest} methods, as SINT finds them (public, inherited too)
 */
public record SintTestClass(Class<? extends AbstractSmackIntTest> type, String specification, List<String> testMethods) {

    public SintTestClass {
        testMethods = List.copyOf(testMethods);
    }

    public static SintTestClass of(Class<? extends AbstractSmackIntTest> type) {
        SpecificationReference reference = type.getAnnotation(SpecificationReference.class);
        String specification = reference == null || reference.document().isBlank()
                ? type.getSimpleName()
                : reference.document().trim();
        List<String> methods = Arrays.stream(type.getMethods())
                .filter(method -> method.isAnnotationPresent(SmackIntegrationTest.class))
                .map(Method::getName)
                .sorted()
                .toList();
        return new SintTestClass(type, specification, methods);
    }

    public boolean hasSpecificationReference() {
        return type.isAnnotationPresent(SpecificationReference.class);
    }

    /** Whether SINT runs it with connections of its own, for accounts it creates during the run. */
    public boolean isLowLevel() {
        return AbstractSmackLowLevelIntegrationTest.class.isAssignableFrom(type);
    }

    public String name() {
        return type.getName();
    }
}
