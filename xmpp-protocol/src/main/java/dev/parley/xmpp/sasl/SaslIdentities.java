package dev.parley.xmpp.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * Text and identity rules shared by the mechanisms: strict UTF-8, the authentication identity as an XMPP localpart
 * (RFC 6120 §6.3.7, RFC 7622 §3.3: PRECIS UsernameCaseMapped plus the localpart's excluded characters and length),
 * and the authorization identity of RFC 6120 §6.3.8.
 */
final class SaslIdentities {
    /** RFC 7622 §3.3.1: characters a localpart must not contain even though PRECIS allows them. */
    private static final String LOCALPART_EXCLUDED = "\"&'/:<>@";
    private static final int LOCALPART_MAX_OCTETS = 1023;

    private SaslIdentities() {
    }

    /** Decodes UTF-8, refusing malformed sequences and NUL, which no SCRAM or PLAIN field may contain. */
    static String utf8(byte[] data) throws SaslRejection {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw SaslRejection.malformed("invalid-encoding");
        }
        if (text.indexOf('\0') >= 0) {
            throw SaslRejection.malformed("invalid-encoding");
        }
        return text;
    }

    /**
     * The account name a client authenticates as, normalised to the form accounts are stored under; empty when the
     * string cannot be a localpart, in which case no account can match it.
     */
    static Optional<String> username(String raw) {
        String prepared;
        try {
            prepared = PrecisProfiles.USERNAME_CASE_MAPPED.enforce(raw);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int i = 0; i < prepared.length(); i++) {
            if (LOCALPART_EXCLUDED.indexOf(prepared.charAt(i)) >= 0) {
                return Optional.empty();
            }
        }
        if (prepared.getBytes(StandardCharsets.UTF_8).length > LOCALPART_MAX_OCTETS) {
            return Optional.empty();
        }
        return Optional.of(prepared);
    }

    /**
     * RFC 6120 §6.3.8: Parley lets no one act on behalf of another entity, so an authzid is acceptable only when it
     * names the authenticating account itself: either its localpart, or its bare JID when the server's domain is
     * known. Anything else (another user, another domain, a full JID) must be refused with {@code invalid-authzid}.
     */
    static boolean authzidAllowed(String authzid, String username, Optional<String> domain) {
        int at = authzid.indexOf('@');
        if (at < 0) {
            return username(authzid).filter(username::equals).isPresent();
        }
        if (domain.isEmpty() || authzid.indexOf('/') >= 0) {
            return false;
        }
        boolean sameUser = username(authzid.substring(0, at)).filter(username::equals).isPresent();
        return sameUser && sameDomain(authzid.substring(at + 1), domain.get());
    }

    private static boolean sameDomain(String a, String b) {
        try {
            return PrecisProfiles.IDN.enforce(stripRootDot(a)).equals(PrecisProfiles.IDN.enforce(stripRootDot(b)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripRootDot(String domain) {
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
