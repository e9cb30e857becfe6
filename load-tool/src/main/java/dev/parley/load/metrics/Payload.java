package dev.parley.load.metrics;

/**
 * The body of every test message: who sent it, its sequence number from that sender, and when it was sent
 * ({@link System#nanoTime()}, the same monotonic clock for every process on a machine). It travels in the body, the one
 * element every server relays and archives unchanged.
 *
 * @param sender   the sender's account number
 * @param sequence 0, 1, 2... per sender
 * @param sentAt   the send time in nanoseconds
 */
public record Payload(int sender, int sequence, long sentAt) {
    private static final String PREFIX = "load s=";

    public String encode() {
        return PREFIX + sender + " q=" + sequence + " t=" + sentAt;
    }

    /** The payload in {@code body}, or null when the body is not one (a room subject, someone else's message). */
    public static Payload decode(String body) {
        if (body == null || !body.startsWith(PREFIX)) {
            return null;
        }
        int q = body.indexOf(" q=", PREFIX.length());
        int t = q < 0 ? -1 : body.indexOf(" t=", q + 3);
        if (t < 0) {
            return null;
        }
        try {
            return new Payload(Integer.parseInt(body, PREFIX.length(), q, 10), Integer.parseInt(body, q + 3, t, 10),
                    Long.parseLong(body, t + 3, body.length(), 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
