package dev.parley.extensions.muc;

/** XEP-0045 §5.2 affiliations, highest first: an affiliation lasts across visits and is held by a bare JID. */
enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The affiliation named on the wire, or null for an unknown name. */
    static Affiliation fromWire(String name) {
        for (Affiliation affiliation : values()) {
            if (affiliation.wireName().equals(name)) {
                return affiliation;
            }
        }
        return null;
    }

    boolean atLeast(Affiliation other) {
        return ordinal() <= other.ordinal();
    }
}
