package dev.parley.server.config;

/** Who may create a room on the multi-user chat service (XEP-0045 §10.1.1: others are answered not-allowed). */
public enum RoomCreation {
    /** Any user, at this server or another. */
    ANYONE,
    /** Users of the hosted domains. */
    LOCAL_USERS,
    /** Only the server's administrators ({@code admins}). */
    ADMINS
}
