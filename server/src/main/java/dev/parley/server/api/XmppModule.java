package dev.parley.server.api;

/**
 * A unit of server functionality (a XEP, a service) found by {@link java.util.ServiceLoader}. A module registers
 * everything through its {@link ModuleContext}; what it registered is what it advertises (disco features come from
 * registrations, never from a hand-kept list), and the server undoes the registrations when it stops.
 */
public interface XmppModule {
    /** A short stable name, used in logs and config. */
    String name();

    void start(ModuleContext context);
}
