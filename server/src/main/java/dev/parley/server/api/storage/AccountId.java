package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;
import java.util.Objects;

/**
 * The identity of an account: the domainpart and localpart of its bare JID, already normalised by the caller (through
 * {@code dev.parley.xmpp.jid.Jid}), so equal accounts always have equal ids.
 *
 * <p>The checks here are the structural limits of RFC 7622 §3.2 and §3.3 that a normalised JID always meets (1 to
 * 1023 octets of UTF-8, no {@code @} or {@code /} separators, well-formed Unicode); they keep malformed keys out of
 * every store. They do not repeat the PRECIS normalisation.
 */
public record AccountId(String domain, String username) {
    /** RFC 7622 §3.2 and §3.3: a domainpart or localpart is at most 1023 octets. */
    public static final int MAX_PART_OCTETS = 1023;

    public AccountId {
        requirePart(domain, "domain");
        requirePart(username, "username");
    }

    /**
     * The account of {@code jid}'s bare JID.
     *
     * @throws IllegalArgumentException if {@code jid} has no localpart (a domain is not an account)
     */
    public static AccountId of(Jid jid) {
        if (jid.local() == null) {
            throw new IllegalArgumentException("not an account's JID: " + jid);
        }
        return new AccountId(jid.domain(), jid.local());
    }

    /**
     * Checks a domain given on its own (for {@link AccountStore#count} and {@link AccountStore#list}) with the same
     * rules as the domain of an id.
     *
     * @return {@code domain}
     */
    public static String requireDomain(String domain) {
        return requirePart(domain, "domain");
    }

    /** {@code username@domain}, the bare JID. */
    @Override
    public String toString() {
        return username + "@" + domain;
    }

    private static String requirePart(String part, String name) {
        Objects.requireNonNull(part, name);
        if (part.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (part.indexOf('@') >= 0 || part.indexOf('/') >= 0) {
            throw new IllegalArgumentException(name + " must not contain '@' or '/': " + part);
        }
        int octets = utf8Length(part);
        if (octets < 0) {
            throw new IllegalArgumentException(name + " is not well-formed Unicode (unpaired surrogate)");
        }
        if (octets > MAX_PART_OCTETS) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_PART_OCTETS + " octets: " + octets);
        }
        return part;
    }

    /** The UTF-8 length of {@code s}, or -1 if it holds an unpaired surrogate (which UTF-8 cannot encode). */
    static int utf8Length(String s) {
        int octets = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                octets += 1;
            } else if (c < 0x800) {
                octets += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                octets += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                octets += 3;
            }
        }
        return octets;
    }
}
