package dev.parley.server.config;

/**
 * Client State Indication settings (XEP-0352).
 *
 * @param enabled       whether the csi stream feature is offered
 * @param heldPresences most presence updates held for one inactive client (one per contact resource)
 */
public record ClientState(boolean enabled, int heldPresences) {
}
