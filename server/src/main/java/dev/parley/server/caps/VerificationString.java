package dev.parley.server.caps;

import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.xml.XmlElement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The XEP-0115 §5.1 verification string of a disco#info answer, with the well-formedness checks of §5.4 (3.3 to 3.6).
 * Every sort uses "i;octet" collation (RFC 4790 §9.3), that is unsigned comparison of the UTF-8 bytes. The hash
 * functions are those of the IANA Hash Function Textual Names registry that the JDK has, SHA-1 being mandatory (§9.1).
 */
final class VerificationString {
    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha-1", "SHA-1", "sha-224", "SHA-224", "sha-256", "SHA-256", "sha-384", "SHA-384", "sha-512", "SHA-512");
    private static final Comparator<String> OCTET = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    private static final String FORM_TYPE = "FORM_TYPE";

    private VerificationString() {
    }

    /** True when {@code hash} (a registered textual name) is one this server can check. */
    static boolean supports(String hash) {
        return hash != null && ALGORITHMS.containsKey(hash);
    }

    /**
     * True when {@code ver} has the length of a Base64-encoded {@code hash} digest: anything else cannot verify, and
     * keeping it would let a client make the server hold arbitrary strings.
     */
    static boolean plausible(String hash, String ver) {
        int digestBytes = digest(hash).getDigestLength();
        return ver.length() == 4 * ((digestBytes + 2) / 3);
    }

    /**
     * The verification string of {@code query} (a disco#info {@code <query/>}) with {@code hash}; empty when the
     * answer is ill-formed by §5.4.
     *
     * @throws IllegalArgumentException when {@code hash} is not {@link #supports supported}
     */
    static Optional<String> of(XmlElement query, String hash) {
        MessageDigest digest = digest(hash);
        return input(query).map(s -> Base64.getEncoder().encodeToString(digest.digest(s.getBytes(StandardCharsets.UTF_8))));
    }

    /** The string S of §5.1 that gets hashed; empty when the answer is ill-formed by §5.4. */
    static Optional<String> input(XmlElement query) {
        try {
            StringBuilder s = new StringBuilder();
            appendIdentities(s, query);
            appendFeatures(s, query);
            appendForms(s, query);
            return Optional.of(s.toString());
        } catch (IllFormed e) {
            return Optional.empty();
        }
    }

    /** The feature vars of a disco#info answer. */
    static Set<String> features(XmlElement query) {
        return query.elements("feature", Namespaces.DISCO_INFO).map(feature -> feature.attribute("var"))
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /** §5.1 steps 2 and 3; §5.4 3.3. */
    private static void appendIdentities(StringBuilder s, XmlElement query) throws IllFormed {
        List<List<String>> identities = new ArrayList<>();
        query.elements("identity", Namespaces.DISCO_INFO).forEach(identity -> identities.add(List.of(
                value(identity.attribute("category")), value(identity.attribute("type")),
                value(identity.attribute("xml:lang")), value(identity.attribute("name")))));
        if (new HashSet<>(identities).size() != identities.size()) {
            throw new IllFormed();
        }
        // Sorted part by part (category, type, lang): a '/' inside a part must not change the order.
        identities.sort(VerificationString::byParts);
        identities.forEach(identity -> s.append(String.join("/", identity)).append('<'));
    }

    /** §5.1 steps 4 and 5; §5.4 3.4. */
    private static void appendFeatures(StringBuilder s, XmlElement query) throws IllFormed {
        List<String> features = query.elements("feature", Namespaces.DISCO_INFO)
                .map(feature -> value(feature.attribute("var"))).toList();
        if (new HashSet<>(features).size() != features.size()) {
            throw new IllFormed();
        }
        features.stream().sorted(OCTET).forEach(feature -> s.append(feature).append('<'));
    }

    /** §5.1 steps 6 and 7 for extended information forms (XEP-0128); §5.4 3.5 and 3.6. */
    private static void appendForms(StringBuilder s, XmlElement query) throws IllFormed {
        Map<String, XmlElement> forms = new TreeMap<>(OCTET);
        for (XmlElement form : query.elements("x", Namespaces.DATA_FORMS).toList()) {
            String formType = formType(form);
            if (formType != null && forms.put(formType, form) != null) {
                throw new IllFormed();
            }
        }
        forms.forEach((formType, form) -> {
            s.append(formType).append('<');
            fields(form).filter(field -> !FORM_TYPE.equals(field.attribute("var")))
                    .sorted(Comparator.comparing(field -> value(field.attribute("var")), OCTET))
                    .forEach(field -> {
                        s.append(value(field.attribute("var"))).append('<');
                        values(field).stream().sorted(OCTET).forEach(value -> s.append(value).append('<'));
                    });
        });
    }

    /** The FORM_TYPE of a form, or null when it has no hidden FORM_TYPE field and is to be ignored (§5.4 3.6). */
    private static String formType(XmlElement form) throws IllFormed {
        Optional<XmlElement> field = fields(form).filter(f -> FORM_TYPE.equals(f.attribute("var"))).findFirst();
        if (field.isEmpty() || !"hidden".equals(field.get().attribute("type"))) {
            return null;
        }
        List<String> values = values(field.get()).stream().distinct().toList();
        if (values.size() > 1) {
            throw new IllFormed();
        }
        return values.isEmpty() ? "" : values.getFirst();
    }

    private static Stream<XmlElement> fields(XmlElement form) {
        return form.elements("field", Namespaces.DATA_FORMS);
    }

    private static List<String> values(XmlElement field) {
        return field.elements("value", Namespaces.DATA_FORMS).map(XmlElement::text).toList();
    }

    private static int byParts(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = OCTET.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static String value(String attribute) {
        return attribute == null ? "" : attribute;
    }

    /** A disco#info answer that §5.4 calls ill-formed. */
    private static final class IllFormed extends Exception {
        IllFormed() {
            super(null, null, false, false);
        }
    }

    private static MessageDigest digest(String hash) {
        String algorithm = ALGORITHMS.get(hash);
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported caps hash " + hash);
        }
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
