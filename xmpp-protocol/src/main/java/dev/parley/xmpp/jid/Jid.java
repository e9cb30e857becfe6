package dev.parley.xmpp.jid;

import java.util.Objects;
import java.util.Optional;

/**
 * An XMPP address, {@code [localpart@]domainpart[/resourcepart]}, as defined by RFC 7622.
 *
 * <p>Every part is enforced once, when the JID is created: the localpart with the PRECIS UsernameCaseMapped profile
 * (RFC 7622 §3.3), the domainpart per IDNA2008 in U-label form (§3.2, see {@link DomainPart}), the resourcepart with
 * OpaqueString (§3.4). Two JIDs are therefore equal exactly when their canonical strings are equal, which makes a
 * {@code Jid} a cheap routing key: the string form and hash are computed once and the bare JID is cached.
 */
public final class Jid implements Comparable<Jid> {
    private final String local;
    private final String domain;
    private final String resource;
    private final String text;
    private final int hash;
    /** Lazily created; racy but safe, since a Jid is immutable with final fields. */
    private Jid bare;

    private Jid(String local, String domain, String resource) {
        this.local = local;
        this.domain = domain;
        this.resource = resource;
        this.text = format(local, domain, resource);
        this.hash = text.hashCode();
    }

    /**
     * Parses a JID, splitting it as RFC 7622 §3.1 says: the resourcepart is everything after the first {@code /},
     * the localpart everything before the first {@code @} that precedes it.
     *
     * @throws JidFormatException when any part is empty, too long or not allowed by its profile
     */
    public static Jid parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            int slash = text.indexOf('/');
            String beforeResource = slash < 0 ? text : text.substring(0, slash);
            int at = beforeResource.indexOf('@');
            String local = at < 0 ? null : JidParts.enforceLocal(beforeResource.substring(0, at));
            String domain = JidParts.enforceDomain(beforeResource.substring(at + 1));
            String resource = slash < 0 ? null : JidParts.enforceResource(text.substring(slash + 1));
            return new Jid(local, domain, resource);
        } catch (JidFormatException e) {
            throw e.forInput(text);
        }
    }

    /** Like {@link #parse(String)}, but empty for null or invalid input instead of throwing. */
    public static Optional<Jid> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (JidFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A JID from its parts, each enforced as in {@link #parse(String)}.
     *
     * @param local the localpart, or null for none
     * @param resource the resourcepart, or null for none
     * @throws JidFormatException when a part is invalid (an empty string is invalid, unlike null)
     */
    public static Jid of(String local, String domain, String resource) {
        Objects.requireNonNull(domain, "domain");
        return new Jid(local == null ? null : JidParts.enforceLocal(local), JidParts.enforceDomain(domain),
                resource == null ? null : JidParts.enforceResource(resource));
    }

    /** The JID of a server or service: a domainpart alone. */
    public static Jid domain(String domain) {
        return of(null, domain, null);
    }

    /** The enforced localpart, or null when absent. */
    public String local() {
        return local;
    }

    /** The enforced domainpart, with U-labels for internationalised labels. */
    public String domain() {
        return domain;
    }

    /**
     * The domainpart with A-labels ({@code xn--...}) in place of U-labels: the form DNS lookups and TLS certificate
     * matching need (RFC 5891 §5, RFC 6125 §6.4.2). IPv6 literals are returned unchanged, brackets included.
     */
    public String asciiDomain() {
        return DomainPart.toAscii(domain);
    }

    /** The enforced resourcepart, or null when absent. */
    public String resource() {
        return resource;
    }

    /** True when there is no resourcepart. */
    public boolean isBare() {
        return resource == null;
    }

    /** True when there is neither a localpart nor a resourcepart. */
    public boolean isDomain() {
        return local == null && resource == null;
    }

    /** This JID without its resourcepart; this very instance when it already is bare. */
    public Jid bare() {
        if (resource == null) {
            return this;
        }
        Jid b = bare;
        if (b == null) {
            b = new Jid(local, domain, null);
            bare = b;
        }
        return b;
    }

    /**
     * This JID with another resourcepart.
     *
     * @param resource the new resourcepart, enforced with OpaqueString; null gives the bare JID
     */
    public Jid withResource(String resource) {
        if (resource == null) {
            return bare();
        }
        return new Jid(local, domain, JidParts.enforceResource(resource));
    }

    /** The domainpart alone, as a JID. */
    public Jid domainJid() {
        return isDomain() ? this : new Jid(null, domain, null);
    }

    /** The canonical string form, {@code local@domain/resource} with absent parts and separators left out. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Jid other && hash == other.hash && text.equals(other.text));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Lexicographic order of the canonical strings, consistent with {@link #equals(Object)}. */
    @Override
    public int compareTo(Jid other) {
        return text.compareTo(other.text);
    }

    private static String format(String local, String domain, String resource) {
        if (local == null && resource == null) {
            return domain;
        }
        StringBuilder sb = new StringBuilder(domain.length() + 2
                + (local == null ? 0 : local.length()) + (resource == null ? 0 : resource.length()));
        if (local != null) {
            sb.append(local).append('@');
        }
        sb.append(domain);
        if (resource != null) {
            sb.append('/').append(resource);
        }
        return sb.toString();
    }
}
