package dev.parley.xmpp.jid;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * Preparation and enforcement of the domainpart (RFC 7622 §3.2): an IP literal, or a domain name of NR-LDH labels
 * and U-labels (IDNA2008, RFC 5890 §2.3.2), in U-label form.
 *
 * <p>Mapping follows RFC 5895 (width mapping, lowercase, NFC, ideographic full stops as dots). A-labels are decoded
 * to U-labels so that {@code xn--} and Unicode spellings of one domain compare equal. Code points of U-labels are
 * checked with the PRECIS IdentifierClass (RFC 8264 §4.2), its contextual rules and the Bidi Rule (RFC 5893), which
 * derive from the same Unicode properties as the IDNA2008 tables (RFC 5892). Known differences: IdentifierClass
 * admits ASCII symbols (rejected here by the letter-digit-hyphen check), it does not exclude the few lowercase
 * letters whose case fold differs (such as Cherokee small letters), and the Bidi Rule is applied per label rather
 * than to the domain name as a whole. {@code rocks.xmpp.precis}'s own IDN profile is not used: it relies on
 * {@link java.net.IDN} (IDNA2003), which would map {@code faß.de} to {@code fass.de}.
 */
final class DomainPart {
    private static final String ACE_PREFIX = "xn--";
    private static final int MAX_LABEL_OCTETS = 63;
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:][0-9A-Fa-f:.]*]");
    private static final Pattern LABEL_SEPARATORS = Pattern.compile("[\u3002\uFF0E\uFF61]");

    private DomainPart() {
    }

    /** The enforced form of a domainpart, or an exception saying what is wrong with it. */
    static String enforce(String raw) {
        // RFC 7622 §3.2: strip one trailing dot before any other canonicalisation step.
        String domain = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (domain.isEmpty()) {
            throw new JidFormatException("domainpart is empty");
        }
        if (domain.charAt(0) == '[') {
            return ipv6Literal(domain);
        }
        String mapped = map(domain);
        StringBuilder out = new StringBuilder(mapped.length());
        int start = 0;
        while (true) {
            int dot = mapped.indexOf('.', start);
            String label = mapped.substring(start, dot < 0 ? mapped.length() : dot);
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(enforceLabel(label));
            if (dot < 0) {
                return out.toString();
            }
            start = dot + 1;
        }
    }

    /** The domainpart with every U-label converted to its A-label, as DNS needs it (RFC 5891 §5). */
    static String toAscii(String enforced) {
        if (isAscii(enforced)) {
            return enforced;
        }
        StringBuilder out = new StringBuilder(enforced.length() + 16);
        for (String label : enforced.split("\\.", -1)) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(isAscii(label) ? label : ACE_PREFIX + Punycode.encode(label));
        }
        return out.toString();
    }

    private static String ipv6Literal(String domain) {
        if (!IPV6_LITERAL.matcher(domain).matches() || domain.indexOf(':') < 0) {
            throw new JidFormatException("domainpart is not a valid IPv6 literal");
        }
        try {
            // Bracketed input that starts with a hex digit or colon is parsed as a literal or rejected, never looked up.
            InetAddress.getByName(domain);
        } catch (UnknownHostException e) {
            throw new JidFormatException("domainpart is not a valid IPv6 literal");
        }
        return domain.toLowerCase(Locale.ROOT);
    }

    private static String map(String domain) {
        if (isAscii(domain)) {
            return domain.toLowerCase(Locale.ROOT);
        }
        String widthMapped = widthMap(domain);
        String lower = widthMapped.toLowerCase(Locale.ROOT);
        String normalized = Normalizer.normalize(lower, Normalizer.Form.NFC);
        return LABEL_SEPARATORS.matcher(normalized).replaceAll(".");
    }

    /** Maps fullwidth and halfwidth forms to their decompositions (RFC 5895 §2 step 2). */
    private static String widthMap(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFFEE') {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String enforceLabel(String label) {
        if (label.isEmpty()) {
            throw new JidFormatException("domainpart contains an empty label");
        }
        if (!isAscii(label)) {
            checkULabel(label);
            return label;
        }
        if (label.startsWith(ACE_PREFIX)) {
            return decodeALabel(label);
        }
        checkLetterDigitHyphen(label);
        if (label.length() > MAX_LABEL_OCTETS) {
            throw new JidFormatException("domainpart label is longer than 63 octets");
        }
        if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-') {
            // RFC 5890 §2.3.1: "??--" labels are reserved; only A-labels ("xn--") may use them.
            throw new JidFormatException("domainpart label has hyphens in the third and fourth positions");
        }
        return label;
    }

    private static String decodeALabel(String label) {
        String uLabel;
        try {
            uLabel = Punycode.decode(label.substring(ACE_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new JidFormatException("domainpart label '" + label + "' is not a valid A-label");
        }
        if (isAscii(uLabel) || !Normalizer.isNormalized(uLabel, Normalizer.Form.NFC)
                || !uLabel.equals(uLabel.toLowerCase(Locale.ROOT))) {
            throw new JidFormatException("domainpart label '" + label + "' is not a valid A-label");
        }
        checkULabel(uLabel);
        return uLabel;
    }

    private static void checkULabel(String label) {
        checkLetterDigitHyphen(label);
        int first = label.codePointAt(0);
        int type = Character.getType(first);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            throw new JidFormatException("domainpart label begins with a combining mark (RFC 5891 §4.2.3.2)");
        }
        try {
            PrecisProfiles.USERNAME_CASE_PRESERVED.enforce(label);
        } catch (IllegalArgumentException e) {
            throw new JidFormatException("domainpart label contains a disallowed code point: " + e.getMessage());
        }
        if (ACE_PREFIX.length() + Punycode.encode(label).length() > MAX_LABEL_OCTETS) {
            throw new JidFormatException("domainpart label is longer than 63 octets as an A-label");
        }
    }

    /**
     * RFC 5891 §4.2.3.1 and RFC 5890 §2.3.1: the only ASCII allowed in a label are letters, digits and hyphens, and a
     * label neither begins nor ends with a hyphen.
     */
    private static void checkLetterDigitHyphen(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ldh = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (c < 0x80 && !ldh) {
                throw new JidFormatException("domainpart contains the character " + JidFormatException.describe(c)
                        + " (only letters, digits and hyphens are allowed)");
            }
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            throw new JidFormatException("domainpart label begins or ends with a hyphen");
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
