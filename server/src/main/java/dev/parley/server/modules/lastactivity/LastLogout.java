package dev.parley.server.modules.lastactivity;

import dev.parley.server.api.storage.StorageException;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * When an account's last session ended, as stored under {@link #KEY}: a version byte (1), then the instant in
 * milliseconds since the epoch as a big-endian int64. The status of the last unavailable presence (XEP-0012 §3) would
 * be a version 2 with the text appended, once presence handling can hand it over.
 */
record LastLogout(Instant at) {
    static final String KEY = "last-activity";
    private static final byte VERSION = 1;

    byte[] encode() {
        return ByteBuffer.allocate(9).put(VERSION).putLong(at.toEpochMilli()).array();
    }

    /** @throws StorageException if {@code data} is not a value {@link #encode} wrote */
    static LastLogout decode(byte[] data) {
        if (data.length != 9 || data[0] != VERSION) {
            throw new StorageException("a stored last logout is damaged (" + data.length + " bytes)");
        }
        return new LastLogout(Instant.ofEpochMilli(ByteBuffer.wrap(data, 1, 8).getLong()));
    }
}
