package dev.parley.extensions.muc;

/** XEP-0045 §5.1 roles, lowest first: a role lasts as long as the visit. */
enum Role {
    NONE, VISITOR, PARTICIPANT, MODERATOR;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The role named on the wire, or null for an unknown name. */
    static Role fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
