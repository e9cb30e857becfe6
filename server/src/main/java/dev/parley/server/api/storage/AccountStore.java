package dev.parley.server.api.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Accounts and their SCRAM credentials (RFC 5802 §3: never a password), partitioned by domain and ordered by
 * username inside a domain.
 *
 * <p>Usernames are ordered by Unicode code point, which is the order of their UTF-8 bytes (and of Cassandra's
 * {@code text} clustering columns). Null or malformed arguments throw at once; storage failures complete the stage
 * exceptionally with {@link StorageException}.
 */
public interface AccountStore {
    CompletionStage<Optional<Account>> find(AccountId id);

    /** Stores a new account atomically: completes with {@code false}, changing nothing, if the account exists. */
    CompletionStage<Boolean> create(Account account);

    /** Replaces an existing account: completes with {@code false}, changing nothing, if it does not exist. */
    CompletionStage<Boolean> update(Account account);

    /** Completes with {@code false} if the account did not exist. */
    CompletionStage<Boolean> delete(AccountId id);

    /** The number of accounts in {@code domain}. */
    CompletionStage<Long> count(String domain);

    /**
     * Up to {@code limit} account ids of {@code domain} in username order, starting after {@code afterUsername}
     * (which need not exist), or from the first when it is {@code null}. Page through a domain by passing the last
     * username of the previous page.
     *
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    CompletionStage<List<AccountId>> list(String domain, String afterUsername, int limit);
}
