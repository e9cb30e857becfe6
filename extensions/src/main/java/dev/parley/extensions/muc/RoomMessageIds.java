package dev.parley.extensions.muc;

/**
 * The room's message order (XEP-0359 stanza ids, {@code by} the room JID): every groupchat message the room accepts
 * takes the next id, time-ordered and strictly increasing, so the id order is the order occupants saw. This is also
 * where a room archive (XEP-0313 on rooms) would take each message: it gets the message with its id here.
 */
final class RoomMessageIds {
    private long last;

    /** The next id: the current time in microseconds, or one more than the last id when the clock has not moved. */
    String next() {
        long now = System.currentTimeMillis() * 1000;
        last = Math.max(last + 1, now);
        return Long.toString(last, 36);
    }
}
