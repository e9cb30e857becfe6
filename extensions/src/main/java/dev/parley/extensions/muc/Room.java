package dev.parley.extensions.muc;

import dev.parley.server.api.storage.MucRoom;
import dev.parley.xmpp.jid.Jid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The state of one XEP-0045 room: configuration, affiliations (§5.2), occupants by nickname (§7), subject (§8.1),
 * and whether it is still locked awaiting its first configuration (§10.1). Not thread-safe:
 * the service handles one stanza of a room at a time under the room's monitor.
 */
final class Room {
    private final Jid jid;
    private final Map<Jid, Affiliation> affiliations = new LinkedHashMap<>();
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
            Affiliation parsed = Affiliation.fromWire(affiliation);
            if (parsed != null && parsed != Affiliation.NONE) {
                room.affiliations.put(user, parsed);
            }
        });
        room.subject = stored.subject();
        return room;
    }

    /** What a persistent room stores (§10.2 persistentroom): configuration, affiliations, subject. */
    MucRoom snapshot() {
        Map<Jid, String> stored = new LinkedHashMap<>();
        affiliations.forEach((user, affiliation) -> stored.put(user, affiliation.wireName()));
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

    void affiliation(Jid user, Affiliation affiliation) {
        if (affiliation == Affiliation.NONE) {
            affiliations.remove(user.bare());
        } else {
            affiliations.put(user.bare(), affiliation);
        }
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

    Occupant occupant(String nick) {
        return occupants.get(nick);
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
        occupants.put(occupant.nick(), occupant);
    }

    void remove(Occupant occupant) {
        occupants.remove(occupant.nick());
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
