package dev.parley.server.api;

/** Which address an IQ handler answers for. */
public enum IqScope {
    /** IQs addressed to a hosted domain (RFC 6120 §10.3.3: the server itself). */
    SERVER,
    /** IQs addressed to an account's bare JID, or sent without 'to', answered by the server on the account's behalf. */
    ACCOUNT
}
