package dev.parley.server.config;

import dev.parley.xmpp.jid.Jid;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and normalises DNS domain names as XMPP domainparts use them (RFC 7622 §3.2): internationalised names are
 * accepted, checked through java.net.IDN's STD3 rules and normalised as {@link Jid} normalises domainparts.
 */
final class DnsNames {
    private static final int MAX_NAME_LENGTH = 253;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private DnsNames() {
    }

    /**
     * The name in lower-case Unicode form, without a trailing dot (RFC 7622 §3.2 strips it).
     *
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    static String normalize(String name) {
        toAscii(name);
        // The JID class is the one normaliser of domainparts (IDNA2008), so configured domains compare equal to the
        // domains of the JIDs clients send.
        return Jid.domain(name).domain();
    }

    /** The name in lower-case ASCII (A-label) form, as DNS, SNI and certificates carry it. */
    static String toAscii(String name) {
        String withoutDot = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (withoutDot.isEmpty()) {
            throw new IllegalArgumentException("the name is empty");
        }
        String ascii;
        try {
            // With STD3 rules IDN also refuses empty labels, labels over 63 characters and anything but letters,
            // digits and inner hyphens.
            ascii = IDN.toASCII(withoutDot, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid internationalised domain name (" + e.getMessage() + ")");
        }
        if (ascii.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_NAME_LENGTH + " characters");
        }
        String lastLabel = ascii.substring(ascii.lastIndexOf('.') + 1);
        // No top-level domain is all digits, so a name ending in one can only be a (mistyped) IPv4 address.
        if (DIGITS.matcher(lastLabel).matches() && !isIpv4Literal(ascii)) {
            throw new IllegalArgumentException("it looks like an IPv4 address but is not one");
        }
        return ascii;
    }

    static boolean isIpv4Literal(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!DIGITS.matcher(part).matches() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
