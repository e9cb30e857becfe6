/**
 * The storage SPI: typed stores that every storage provider (the embedded RocksDB store, Cassandra) implements.
 *
 * <p>Rules every store follows, checked by the contract suites in this package's tests:
 * <ul>
 *   <li>Every call returns a {@link java.util.concurrent.CompletionStage} and never blocks the caller; the stage
 *       completes on one of the provider's own threads. Continuations that do more than hand off to another executor
 *       must use the {@code ...Async} variants, or they hold up the store's threads.</li>
 *   <li>Failures of the storage itself complete the stage exceptionally with a {@link StorageException};
 *       programming errors (null or malformed arguments) throw at once, before anything is submitted.</li>
 *   <li>Data has Cassandra's shape: a partition key, an ordered clustering key inside it, and ids chosen by the
 *       caller, so plain writes are idempotent upserts. Where a store promises a check-and-write (for example
 *       {@link AccountStore#create}) the check and the write are one atomic step.</li>
 * </ul>
 */
package dev.parley.server.api.storage;
