package dev.parley.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Stream management settings (XEP-0198).
 *
 * @param enabled         whether clients may enable stream management
 * @param resumeTimeout   how long a dropped session waits for resumption; a client may ask for less (§3 'max')
 * @param maxDetached     most sessions waiting for resumption on this server at once
 * @param unackedQueue    most unacknowledged stanzas kept per session
 * @param requestAckAfter the server asks for an ack (r) after this many unacknowledged stanzas
 * @param requestAckIdle  the server asks for an ack this long after a stanza if no ack came
 */
public record StreamManagement(boolean enabled, Duration resumeTimeout, int maxDetached, int unackedQueue,
                               int requestAckAfter, Duration requestAckIdle) {
    public StreamManagement {
        Objects.requireNonNull(resumeTimeout, "resumeTimeout");
        Objects.requireNonNull(requestAckIdle, "requestAckIdle");
    }
}
