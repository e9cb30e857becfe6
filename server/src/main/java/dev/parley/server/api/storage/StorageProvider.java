package dev.parley.server.api.storage;

/**
 * One storage backend, opened once per server and handing out its typed stores.
 *
 * <p>Each store accessor returns the same instance every time. New kinds of data (roster, archive, offline, PEP, ...)
 * are added as further accessors, each backed by its own table or column family.
 */
public interface StorageProvider extends AutoCloseable {
    AccountStore accounts();

    /** Small per-account values (vCard, private XML, last logout). */
    KeyValueStore keyValues();

    RosterStore roster();

    OfflineStore offline();

    /** Pubsub nodes and items per account (XEP-0163 PEP). */
    PubSubStore pubSub();

    /** Message archives (XEP-0313). */
    ArchiveStore archive();

    /** Persistent multi-user chat rooms (XEP-0045). */
    MucStore muc();

    /**
     * Completes the writes already submitted, makes them durable, and releases every resource (threads, files, locks).
     * Calls made after close complete exceptionally with {@link StorageException}. Calling close again does nothing.
     * Blocks until done, so call it from a shutdown path, never from an event loop.
     */
    @Override
    void close();
}
