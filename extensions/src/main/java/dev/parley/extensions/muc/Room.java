package dev.parley.extensions.muc;

import dev.parley.server.api.storage.MucRoom;
import dev.parley.xmpp.jid.Jid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The state of one XEP-0045 room: configuration, affiliations (§5.2) with their reserved nicknames (§7.10, §7.12),
 * occupants by nickname (§7; nicknames compared as RFC 8266 says, {@link Nicknames}), subject (§8.1),
 * and whether it is still locked awaiting its first configuration (§10.1). Not thread-safe:
 * the service handles one stanza of a room at a time under the room's monitor.
 */
final class Room {
    private final Jid jid;
    private final Map<Jid, Affiliation> affiliations = new LinkedHashMap<>();
    /** Reserved nicknames by bare JID; only affiliated users (not outcasts) hold one. */
    private final Map<Jid, String> reservedNicks = new LinkedHashMap<>();
    /** The same reservations by the comparison form of the nickname, so a join looks one up at once. */
    private final Map<String, Jid> nickHolders = new HashMap<>();
    /** Occupants by the comparison form of their nickname. */
    private final Map<String, Occupant> occupants = new LinkedHashMap<>();
    private RoomConfig config;
    private String subject = "";
    private String subjectFrom;
    private boolean locked;
    private boolean destroyed;
    /** Completes when everything the room sent so far has been routed; the next batch waits for it. */
    private CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);

    Room(Jid jid, RoomConfig config, boolean locked) {
        this.jid = jid.bare();
        this.config = Objects.requireNonNull(config, "config");
        this.locked = locked;
    }

    /** A persistent room as it was stored. */
    static Room restore(MucRoom stored) throws ConfigForm.Invalid {
        Room room = new Room(stored.jid(), ConfigForm.parse(stored.config(), RoomConfig.defaults()).config(), false);
        stored.affiliations().forEach((user, affiliation) -> {
            Affiliation parsed = Affiliation.fromWire(affiliation.name());
            if (parsed != null && parsed != Affiliation.NONE) {
                room.affiliation(user, parsed);
                room.reserveNick(user, affiliation.nick());
            }
        });
        room.subject = stored.subject();
        return room;
    }

    /** What a persistent room stores (§10.2 persistentroom): configuration, affiliations with nicknames, subject. */
    MucRoom snapshot() {
        Map<Jid, MucRoom.Affiliation> stored = new LinkedHashMap<>();
        affiliations.forEach((user, affiliation) -> stored.put(user,
                new MucRoom.Affiliation(affiliation.wireName(), reservedNicks.get(user))));
        return new MucRoom(jid, config.toValues(), stored, subject);
    }

    Jid jid() {
        return jid;
    }

    /**
     * Sends a batch once the previous batches are routed, so two stanzas handled one after the other reach every
     * recipient in that order (the room's order, XEP-0045 §7.4). A failed batch does not hold up the next.
     */
    CompletionStage<Void> sendAfterPrevious(Supplier<CompletionStage<Void>> batch) {
        CompletableFuture<Void> next = sent.handle((ignored, failure) -> null)
                .thenCompose(ignored -> batch.get()).toCompletableFuture();
        sent = next;
        return next;
    }

    Jid occupantJid(String nick) {
        return jid.withResource(nick);
    }

    RoomConfig config() {
        return config;
    }

    void config(RoomConfig config) {
        this.config = config;
    }

    boolean locked() {
        return locked;
    }

    void unlock() {
        locked = false;
    }

    boolean destroyed() {
        return destroyed;
    }

    void destroy() {
        destroyed = true;
        occupants.clear();
    }

    /** Most bare JIDs one room keeps an affiliation for; more are refused with policy-violation. */
    static final int MAX_AFFILIATIONS = 10_000;

    /** Whether {@code user} may get a new affiliation without the room exceeding {@link #MAX_AFFILIATIONS}. */
    boolean hasRoomForAffiliation(Jid user) {
        return affiliations.containsKey(user.bare()) || affiliations.size() < MAX_AFFILIATIONS;
    }

    Affiliation affiliation(Jid user) {
        return affiliations.getOrDefault(user.bare(), Affiliation.NONE);
    }

    /** Sets an affiliation; losing it (none) or being banned (outcast) also frees the user's reserved nickname. */
    void affiliation(Jid user, Affiliation affiliation) {
        if (affiliation == Affiliation.NONE) {
            affiliations.remove(user.bare());
        } else {
            affiliations.put(user.bare(), affiliation);
        }
        if (!affiliation.atLeast(Affiliation.MEMBER)) {
            freeNick(user.bare());
        }
    }

    /** The nickname reserved for {@code user} (§7.12), or null. */
    String reservedNick(Jid user) {
        return reservedNicks.get(user.bare());
    }

    /**
     * Reserves {@code nick} for an affiliated {@code user} (§7.10 registration, §9.3 member list); null or empty
     * frees it (§9.5). The caller checked that nobody else holds it ({@link #nickReservedBy}).
     */
    void reserveNick(Jid user, String nick) {
        freeNick(user.bare());
        if (nick != null && !nick.isEmpty() && affiliation(user).atLeast(Affiliation.MEMBER)) {
            reservedNicks.put(user.bare(), nick);
            nickHolders.put(Nicknames.comparable(nick), user.bare());
        }
    }

    private void freeNick(Jid user) {
        String freed = reservedNicks.remove(user);
        if (freed != null) {
            nickHolders.remove(Nicknames.comparable(freed), user);
        }
    }

    /** §7.2.9, §7.6, §7.12: whether a user other than {@code user} is in the room under {@code nick} or reserved it. */
    boolean nickTakenByAnother(String nick, Jid user) {
        Occupant holder = occupant(nick);
        Jid reserver = nickReservedBy(nick);
        return (holder != null && !holder.user().equals(user.bare()))
                || (reserver != null && !reserver.equals(user.bare()));
    }

    /** Who reserved a nickname that is the same as {@code nick} under RFC 8266 comparison, or null. */
    Jid nickReservedBy(String nick) {
        return nickHolders.get(Nicknames.comparable(nick));
    }

    /** The bare JIDs holding {@code affiliation}, in the order they got it. */
    List<Jid> withAffiliation(Affiliation affiliation) {
        return affiliations.entrySet().stream().filter(e -> e.getValue() == affiliation).map(Map.Entry::getKey)
                .toList();
    }

    /** §5.1.2: the role an occupant starts with, given its affiliation and whether the room is moderated. */
    Role defaultRole(Affiliation affiliation) {
        return switch (affiliation) {
            case OWNER, ADMIN -> Role.MODERATOR;
            case MEMBER -> Role.PARTICIPANT;
            case NONE -> config.moderated() ? Role.VISITOR : Role.PARTICIPANT;
            case OUTCAST -> Role.NONE;
        };
    }

    /** The occupant whose nickname is the same as {@code nick} (RFC 8266 comparison), or null. */
    Occupant occupant(String nick) {
        return occupants.get(Nicknames.comparable(nick));
    }

    /** The occupant that joined from this full JID, or null. */
    Occupant occupantBySession(Jid full) {
        for (Occupant occupant : occupants.values()) {
            if (occupant.hasSession(full)) {
                return occupant;
            }
        }
        return null;
    }

    /** The occupant of this bare JID, whatever its resource, or null. */
    Occupant occupantByUser(Jid user) {
        Jid bare = user.bare();
        for (Occupant occupant : occupants.values()) {
            if (occupant.user().equals(bare)) {
                return occupant;
            }
        }
        return null;
    }

    void add(Occupant occupant) {
        occupants.put(Nicknames.comparable(occupant.nick()), occupant);
    }

    void remove(Occupant occupant) {
        occupants.remove(Nicknames.comparable(occupant.nick()), occupant);
    }

    Collection<Occupant> occupants() {
        return List.copyOf(occupants.values());
    }

    int occupantCount() {
        return occupants.size();
    }

    List<Occupant> moderators() {
        return new ArrayList<>(occupants.values().stream().filter(o -> o.role() == Role.MODERATOR).toList());
    }

    String subject() {
        return subject;
    }

    /** The nickname that set the subject, or null when the room (or nobody) set it. */
    String subjectFrom() {
        return subjectFrom;
    }

    void subject(String subject, String from) {
        this.subject = subject;
        this.subjectFrom = from;
    }

    /** Whether the real JIDs of occupants are shown to {@code viewer} (§7.2.3 non-anonymous, §7.2.4 semi-anonymous). */
    boolean showsRealJidsTo(Occupant viewer) {
        return config.nonAnonymous() || (viewer != null && viewer.role() == Role.MODERATOR);
    }
}
