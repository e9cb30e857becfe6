package dev.parley.server.api.storage;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Messages waiting for an account to come online (XEP-0160), one partition per account, ordered by message id.
 * A completed {@link #append} means the message is durable.
 */
public interface OfflineStore extends AccountDataStore {
    /**
     * Stores {@code message} unless the account already holds {@code quota} messages, in which case it completes
     * with {@code false} and stores nothing. The quota check and the write are one atomic step. Storing an id that is
     * already there replaces that message.
     *
     * @throws IllegalArgumentException if {@code quota} is negative
     */
    CompletionStage<Boolean> append(AccountId owner, OfflineMessage message, int quota);

    /**
     * Up to {@code limit} of the account's messages, lowest id first.
     *
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    CompletionStage<List<OfflineMessage>> list(AccountId owner, int limit);

    /** Removes the messages with these ids (ids not there are ignored); completes once that is durable. */
    CompletionStage<Void> remove(AccountId owner, Collection<Long> ids);
}
