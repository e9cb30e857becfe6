package dev.parley.extensions.muc;

import dev.parley.xmpp.error.StanzaErrorCondition;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * Room nicknames under the PRECIS Nickname profile (RFC 8266), which XEP-0045 §7.2.3 leaves the service to choose:
 * a nickname is shown as enforced (§2.3: spaces mapped, trimmed and collapsed, NFKC) and two nicknames are the same
 * when their comparison forms (§2.4: also case-mapped) are equal, so "Alice", "alice" and "Ａｌｉｃｅ" are one
 * nickname in a room.
 *
 * <p>Refusals: a nickname that enforces to nothing is no nickname, {@code jid-malformed} as for a missing one
 * (§7.2.1; §17.1 forbids empty and invisible nicknames). One with characters the profile disallows, or longer than
 * the service's limit, is a well-formed resourcepart the service will not take: {@code not-acceptable}, the XEP's
 * condition for a nickname its policy refuses (§7.6, §7.12). Neither is {@code bad-request}: the stanza is fine.
 */
final class Nicknames {
    /** The outcome of checking a requested nickname: the nickname to use, or why there is none. */
    record Checked(String nick, StanzaErrorCondition refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private final int maxLength;

    /** @param maxLength most code points an enforced nickname may have */
    Nicknames(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("a nickname limit below one allows no nickname: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    Checked check(String requested) {
        if (requested == null) {
            return new Checked(null, StanzaErrorCondition.JID_MALFORMED);
        }
        String enforced;
        try {
            enforced = PrecisProfiles.NICKNAME.enforce(requested);
        } catch (IllegalArgumentException e) {
            // The library says "empty" only by message; an empty result is the one refusal it shares with us.
            boolean empty = requested.codePoints().allMatch(
                    cp -> Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR);
            return new Checked(null, empty ? StanzaErrorCondition.JID_MALFORMED : StanzaErrorCondition.NOT_ACCEPTABLE);
        }
        if (enforced.isEmpty()) {
            return new Checked(null, StanzaErrorCondition.JID_MALFORMED);
        }
        if (enforced.codePointCount(0, enforced.length()) > maxLength) {
            return new Checked(null, StanzaErrorCondition.NOT_ACCEPTABLE);
        }
        return new Checked(enforced, null);
    }

    /**
     * The RFC 8266 §2.4 comparison form: equal forms are the same nickname. A string the profile refuses compares as
     * itself; no occupant can hold such a nickname, so it never matches one.
     */
    static String comparable(String nick) {
        try {
            return PrecisProfiles.NICKNAME.toComparableString(nick);
        } catch (IllegalArgumentException e) {
            return nick;
        }
    }

    static boolean same(String a, String b) {
        return comparable(a).equals(comparable(b));
    }
}
