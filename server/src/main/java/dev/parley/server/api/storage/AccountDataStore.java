package dev.parley.server.api.storage;

import java.util.concurrent.CompletionStage;

/**
 * A store that keeps data belonging to accounts. Deleting an account ({@code AccountService.delete}) erases the
 * account's data from every such store, so a later account of the same name never inherits any of it.
 */
public interface AccountDataStore {
    /** Removes everything stored for {@code account}; completes normally when there was nothing. */
    CompletionStage<Void> deleteAll(AccountId account);
}
