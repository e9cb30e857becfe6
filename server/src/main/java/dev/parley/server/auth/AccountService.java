package dev.parley.server.auth;

import dev.parley.server.api.storage.Account;
import dev.parley.server.api.storage.AccountDataStore;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.AccountStore;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.sasl.ScramCredentials;
import dev.parley.xmpp.sasl.StoredCredential;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Accounts of the hosted domains: creation, password changes and credential look-ups, on top of the {@link AccountStore}.
 * Only SCRAM salted keys are ever stored. Deriving them (PBKDF2 with thousands of iterations, three hashes) costs
 * milliseconds, so it runs on the bounded {@code cryptoExecutor}, never on the caller's event loop.
 */
public final class AccountService {
    private final AccountStore store;
    private final List<AccountDataStore> accountData;
    private final Set<String> domains;
    private final int scramIterations;
    private final Executor cryptoExecutor;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    /** @param accountData the stores of data that belongs to an account, erased when the account is deleted */
    public AccountService(AccountStore store, List<? extends AccountDataStore> accountData, Set<String> domains,
                          int scramIterations, Executor cryptoExecutor, Clock clock) {
        this.store = store;
        this.accountData = List.copyOf(accountData);
        this.domains = Set.copyOf(domains);
        this.scramIterations = scramIterations;
        this.cryptoExecutor = cryptoExecutor;
        this.clock = clock;
    }

    /** True when {@code jid}'s domain is served here. */
    public boolean isHosted(Jid jid) {
        return domains.contains(jid.domain());
    }

    public Set<String> domains() {
        return domains;
    }

    /** The executor for CPU-heavy authentication work (PLAIN verification, key derivation). */
    public Executor cryptoExecutor() {
        return cryptoExecutor;
    }

    public CompletionStage<Optional<Account>> find(Jid jid) {
        return store.find(idOf(jid));
    }

    public CompletionStage<Boolean> exists(Jid jid) {
        return find(jid).thenApply(Optional::isPresent);
    }

    /** The credentials SASL checks against; empty for an unknown or disabled account. */
    public CompletionStage<Optional<StoredCredential>> credentials(String domain, String username) {
        return store.find(new AccountId(domain, username))
                .thenApply(account -> account.filter(a -> !a.disabled()).map(Account::credential));
    }

    /** Creates the account; completes with false, changing nothing, when it exists already. */
    public CompletionStage<Boolean> create(Jid jid, String password) {
        AccountId id = idOf(jid);
        return derive(password).thenCompose(credential ->
                store.create(new Account(id, credential, false, clock.instant())));
    }

    /** Completes with false when there is no such account. */
    public CompletionStage<Boolean> changePassword(Jid jid, String password) {
        AccountId id = idOf(jid);
        return derive(password).thenCompose(credential -> store.find(id).thenCompose(existing -> existing.isEmpty()
                ? CompletableFuture.completedFuture(false)
                : store.update(new Account(id, credential, existing.get().disabled(), existing.get().created()))));
    }

    /**
     * Disables the account, which keeps all its data but makes {@link #credentials} hide it so that SASL refuses it, or
     * enables it again. Completes with false, changing nothing, when there is no such account.
     */
    public CompletionStage<Boolean> setDisabled(Jid jid, boolean disabled) {
        AccountId id = idOf(jid);
        return store.find(id).thenCompose(existing -> {
            if (existing.isEmpty()) {
                return CompletableFuture.completedFuture(false);
            }
            return existing.get().disabled() == disabled ? CompletableFuture.completedFuture(true)
                    : store.update(existing.get().withDisabled(disabled));
        });
    }

    /**
     * Deletes the account, then erases its data from every account data store. The data is erased even when the account
     * was already gone, so that repeating a deletion whose erasure failed cleans up what is left; completes with false
     * when there was no account.
     */
    public CompletionStage<Boolean> delete(Jid jid) {
        AccountId id = idOf(jid);
        return store.delete(id).thenCompose(deleted -> CompletableFuture.allOf(accountData.stream()
                        .map(data -> data.deleteAll(id).toCompletableFuture())
                        .toArray(CompletableFuture[]::new))
                .thenApply(erased -> deleted));
    }

    public CompletionStage<Long> count(String domain) {
        return store.count(domain);
    }

    /** Accounts over all hosted domains. */
    public CompletionStage<Long> countAll() {
        CompletionStage<Long> total = CompletableFuture.completedFuture(0L);
        for (String domain : domains) {
            total = total.thenCombine(store.count(domain), Long::sum);
        }
        return total;
    }

    private CompletionStage<StoredCredential> derive(String password) {
        return CompletableFuture.supplyAsync(
                () -> ScramCredentials.deriveAll(password, scramIterations, random), cryptoExecutor);
    }

    private AccountId idOf(Jid jid) {
        if (jid.local() == null || !isHosted(jid)) {
            throw new IllegalArgumentException("not an account of a hosted domain: " + jid);
        }
        return new AccountId(jid.domain(), jid.local());
    }
}
