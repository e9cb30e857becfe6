package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The discussion history a room sends a new occupant (XEP-0045 §7.2.15), taken from the newest messages of the room's
 * archive ({@link RoomArchive}), so it survives restarts and shows what the archive shows (a moderated message as its
 * tombstone). At most the room's {@code muc#maxhistoryfetch} messages, narrowed by the occupant's
 * {@code <history maxchars maxstanzas seconds since/>}; subject changes are not history (§7.2.15), the subject follows
 * it.
 */
final class RoomHistory {
    /**
     * How many archived messages to read per message of history wanted: subject changes are archived but are not
     * history, so a few more are read to make up for them.
     */
    private static final int READ_FACTOR = 2;

    /** An occupant's request; a null limit means none was given. */
    record Request(Integer maxChars, Integer maxStanzas, Long seconds, Instant since) {
        static final Request DEFAULT = new Request(null, null, null, null);

        /** The {@code <history/>} limits; an unreadable limit is ignored, as if not given. */
        static Request of(XmlElement history) {
            Instant since = null;
            try {
                since = history.attribute("since") == null ? null : Instant.parse(history.attribute("since"));
            } catch (DateTimeParseException ignored) {
                // an unreadable date limits nothing
            }
            Long chars = number(history.attribute("maxchars"));
            Long stanzas = number(history.attribute("maxstanzas"));
            return new Request(chars == null ? null : (int) Math.min(chars, Integer.MAX_VALUE),
                    stanzas == null ? null : (int) Math.min(stanzas, Integer.MAX_VALUE),
                    number(history.attribute("seconds")), since);
        }

        private static Long number(String text) {
            try {
                return text == null ? null : Math.max(0, Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The most messages of history to send, given the room's limit. */
        int stanzas(int roomMax) {
            if (maxChars != null && maxChars == 0) {
                return 0; // §7.2.15: maxchars='0' asks for no history
            }
            return maxStanzas == null ? roomMax : Math.min(roomMax, maxStanzas);
        }

        /** How many of the newest archived messages to read for it: none when no history is wanted. */
        int toRead(int roomMax) {
            return stanzas(roomMax) * READ_FACTOR;
        }

        /** The oldest time a message of history may have, or null. */
        Instant after(Instant now) {
            Instant bySeconds = seconds == null ? null : now.minusSeconds(Math.min(seconds, now.getEpochSecond()));
            if (bySeconds == null || (since != null && since.isAfter(bySeconds))) {
                return since;
            }
            return bySeconds;
        }
    }

    private RoomHistory() {
    }

    /**
     * The history for {@code to} out of {@code newest} (the room's newest archived messages, oldest first): the
     * newest ones the limits allow, oldest first, each as the room sent it with its stanza id, addressed to {@code to}
     * and stamped with a XEP-0203 {@code <delay from=room stamp=archived-at/>} (§7.2.15). {@code maxchars} counts the
     * characters of these complete stanzas; the newest message that does not fit ends the history.
     */
    static List<XmlElement> select(Request request, int roomMax, Jid room, Jid to,
                                   List<RoomArchive.Archived> newest, Instant now) {
        int stanzas = request.stanzas(roomMax);
        long chars = request.maxChars() == null ? Long.MAX_VALUE : request.maxChars();
        Instant after = request.after(now);
        List<XmlElement> selected = new ArrayList<>();
        long used = 0;
        for (int i = newest.size() - 1; i >= 0 && selected.size() < stanzas; i--) {
            RoomArchive.Archived message = newest.get(i);
            if (after != null && message.stamp().isBefore(after)) {
                break;
            }
            if (isSubjectChange(message.stanza())) {
                continue;
            }
            XmlElement delay = XmlElement.builder("delay", MucXml.DELAY).attribute("from", room.toString())
                    .attribute("stamp", message.stamp().toString()).build();
            XmlElement sent = message.stanza().withChild(MucXml.stanzaId(message.id(), room)).withChild(delay)
                    .withAttribute("to", to.toString());
            used += sent.toString().length();
            if (used > chars) {
                break;
            }
            selected.addFirst(sent);
        }
        return selected;
    }

    private static boolean isSubjectChange(XmlElement message) {
        return message.child("subject", MucXml.CLIENT).isPresent() && message.child("body", MucXml.CLIENT).isEmpty();
    }
}
