package dev.parley.load.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends at a fixed offered rate from the senders of one event loop, open loop: every tick it sends what is due since
 * the rate was set, whatever the server's answers, spreading messages over the senders in turn. A message due on a
 * backed-up connection is skipped and counted rather than queued, so memory stays bounded when the server falls behind.
 */
final class Pacer implements Runnable {
    /** Most messages one tick sends: after a stall the pacer catches up over several ticks, not in one burst. */
    private static final int MAX_PER_TICK = 2_000;

    private final List<Sender> senders;
    private final LoopStats stats;
    private final List<Sender> touched = new ArrayList<>();
    private double ratePerSecond;
    private long since;
    private long issuedSince;
    private int cursor;

    Pacer(List<Sender> senders, LoopStats stats) {
        this.senders = List.copyOf(senders);
        this.stats = stats;
    }

    /** Sets the rate from now on; on the pacer's loop. */
    void rate(double perSecond) {
        ratePerSecond = perSecond;
        since = System.nanoTime();
        issuedSince = 0;
    }

    @Override
    public void run() {
        if (ratePerSecond <= 0 || senders.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long due = (long) ((now - since) * ratePerSecond / 1e9) - issuedSince;
        int batch = (int) Math.min(due, MAX_PER_TICK);
        for (int i = 0; i < batch; i++) {
            Sender sender = senders.get(cursor);
            cursor = cursor + 1 == senders.size() ? 0 : cursor + 1;
            if (sender.send(now)) {
                touched.add(sender);
            } else {
                stats.skipped++;
            }
        }
        issuedSince += batch;
        for (Sender sender : touched) {
            sender.session().flush();
        }
        touched.clear();
    }
}
