package dev.parley.server.config;

/** What resource binding does when the requested resource is already in use (RFC 6120 §7.7.2.2). */
public enum ConflictPolicy {
    /** The RFC's "override": the existing session is ended with a {@code <conflict/>} stream error. */
    REPLACE_OLD,
    /** The new bind request fails with a {@code <conflict/>} stanza error. */
    REJECT_NEW,
    /** The new session gets a server-generated resource instead. */
    RENAME_NEW
}
