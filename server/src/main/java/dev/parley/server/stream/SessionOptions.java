package dev.parley.server.stream;

import java.time.Clock;
import java.time.Duration;

/**
 * What every {@link StreamSession} is configured with.
 *
 * @param csiHeldPresences most presence updates held for an inactive client (XEP-0352)
 * @param requestAckIdle   how long after sending a stanza an unacknowledged one makes the server send {@code <r/>}
 * @param clock            the time stamped on queued stanzas (XEP-0203 delay when they are routed again)
 */
record SessionOptions(int csiHeldPresences, Duration requestAckIdle, Clock clock) {
}
