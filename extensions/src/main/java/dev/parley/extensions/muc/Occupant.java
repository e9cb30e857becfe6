package dev.parley.extensions.muc;

import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.xml.XmlElement;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One occupant of a room (XEP-0045 §7.2): a nickname held by one bare JID, joined from one or more of its resources
 * (multi-session nicks are one occupant), with a role for the length of the visit and an occupant id (XEP-0421).
 */
final class Occupant {
    private final String nick;
    private final Jid user;
    private final String occupantId;
    /** Each joined resource and the presence it last sent (its children, without the MUC elements). */
    private final LinkedHashMap<Jid, List<XmlElement>> sessions = new LinkedHashMap<>();
    private Role role;
    /** When the occupant last asked for voice (§7.13), or null. */
    private Instant lastVoiceRequest;

    Occupant(String nick, Jid user, String occupantId, Role role) {
        this.nick = nick;
        this.user = user.bare();
        this.occupantId = occupantId;
        this.role = role;
    }

    Occupant renamed(String newNick) {
        Occupant renamed = new Occupant(newNick, user, occupantId, role);
        renamed.sessions.putAll(sessions);
        renamed.lastVoiceRequest = lastVoiceRequest;
        return renamed;
    }

    String nick() {
        return nick;
    }

    /** The occupant's bare JID, which holds its affiliation. */
    Jid user() {
        return user;
    }

    String occupantId() {
        return occupantId;
    }

    Role role() {
        return role;
    }

    void role(Role role) {
        this.role = role;
    }

    /** Whether a voice request at {@code now} comes at least {@code interval} after the last one; if so it counts. */
    boolean mayRequestVoice(Instant now, Duration interval) {
        if (lastVoiceRequest != null && now.isBefore(lastVoiceRequest.plus(interval))) {
            return false;
        }
        lastVoiceRequest = now;
        return true;
    }

    List<Jid> sessions() {
        return List.copyOf(sessions.keySet());
    }

    boolean hasSession(Jid full) {
        return sessions.containsKey(full);
    }

    void presence(Jid full, List<XmlElement> children) {
        sessions.put(full, List.copyOf(children));
    }

    /** Removes a resource; true when it was the last one and the occupant leaves. */
    boolean leave(Jid full) {
        sessions.remove(full);
        return sessions.isEmpty();
    }

    /** The presence children of the most recently joined resource, shown to the room. */
    List<XmlElement> presence() {
        return sessions.isEmpty() ? List.of() : sessions.sequencedValues().getLast();
    }
}
