package dev.parley.server.carbons;

/**
 * Which side of a conversation a copy reports (XEP-0280 §7 and §8): what one of the account's clients sent, or what
 * arrived for the account. Each names the wrapper element of its copies.
 */
enum CarbonDirection {
    /** A message one of the account's clients sent (§8): copies carry {@code <sent/>}. */
    SENT("sent"),
    /** A message that arrived for the account (§7): copies carry {@code <received/>}. */
    RECEIVED("received");

    private final String wrapper;

    CarbonDirection(String wrapper) {
        this.wrapper = wrapper;
    }

    /** The local name of the copy's wrapper element in {@code urn:xmpp:carbons:2}. */
    String wrapper() {
        return wrapper;
    }
}
