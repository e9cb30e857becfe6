package dev.parley.server.pep;

import java.util.Locale;
import java.util.Optional;

/**
 * The access models a PEP node may have (XEP-0060 §4.5; XEP-0163 §9 requires presence, the default, and open, roster
 * and whitelist). "authorize" is not offered: subscriptions pending the owner's approval are not supported.
 */
public enum AccessModel {
    /** Anyone may retrieve items. */
    OPEN,
    /** Those who may see the owner's presence (a subscription from or both). */
    PRESENCE,
    /** Contacts in one of the node's allowed roster groups. */
    ROSTER,
    /** The owner and the node's members; with no members, the owner alone (XEP-0223 private storage). */
    WHITELIST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessModel> fromWire(String value) {
        for (AccessModel model : values()) {
            if (model.wireName().equals(value)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
