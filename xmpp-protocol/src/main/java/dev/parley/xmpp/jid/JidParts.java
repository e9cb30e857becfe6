package dev.parley.xmpp.jid;

import java.nio.charset.StandardCharsets;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * Enforcement of the localpart (RFC 7622 §3.3, UsernameCaseMapped of RFC 8265 §3.3) and the resourcepart
 * (RFC 7622 §3.4, OpaqueString of RFC 8265 §4.2), and the length rule shared by all three parts.
 */
final class JidParts {
    /** RFC 7622 §3.1: each part is at most 1023 octets of UTF-8. */
    private static final int MAX_OCTETS = 1023;
    /**
     * Input longer than this many UTF-16 units cannot shrink below {@link #MAX_OCTETS} octets (NFC composes at most
     * four code points into one), so it is rejected before the comparatively costly PRECIS rules run.
     */
    private static final int MAX_RAW_LENGTH = 4 * MAX_OCTETS;
    /** RFC 7622 §3.3.1: characters that UsernameCaseMapped admits but a localpart must not contain. */
    private static final String LOCALPART_EXCLUDED = "\"&'/:<>@";

    private JidParts() {
    }

    static String enforceLocal(String raw) {
        String local = enforce(raw, "localpart", true);
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (LOCALPART_EXCLUDED.indexOf(c) >= 0) {
                throw new JidFormatException("localpart contains the forbidden character " + JidFormatException.describe(c));
            }
        }
        return local;
    }

    static String enforceResource(String raw) {
        return enforce(raw, "resourcepart", false);
    }

    static String enforceDomain(String raw) {
        checkRawLength(raw, "domainpart");
        return checkLength(DomainPart.enforce(raw), "domainpart");
    }

    private static String enforce(String raw, String part, boolean local) {
        checkRawLength(raw, part);
        String enforced;
        try {
            enforced = local ? PrecisProfiles.USERNAME_CASE_MAPPED.enforce(raw) : PrecisProfiles.OPAQUE_STRING.enforce(raw);
        } catch (IllegalArgumentException e) {
            throw new JidFormatException(part + " is not allowed by PRECIS: " + e.getMessage());
        }
        return checkLength(enforced, part);
    }

    private static void checkRawLength(String raw, String part) {
        if (raw.isEmpty()) {
            throw new JidFormatException(part + " is empty");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw new JidFormatException(part + " is longer than " + MAX_OCTETS + " octets");
        }
    }

    private static String checkLength(String enforced, String part) {
        if (enforced.isEmpty()) {
            throw new JidFormatException(part + " is empty");
        }
        if (exceedsMaxOctets(enforced)) {
            throw new JidFormatException(part + " is longer than " + MAX_OCTETS + " octets");
        }
        return enforced;
    }

    private static boolean exceedsMaxOctets(String s) {
        // A UTF-16 unit never needs more than three octets, so short strings need no encoding to decide.
        return s.length() * 3 > MAX_OCTETS && s.getBytes(StandardCharsets.UTF_8).length > MAX_OCTETS;
    }
}
