package dev.parley.server.api.storage;

import static dev.parley.server.api.storage.TestAccounts.account;
import static dev.parley.server.api.storage.TestAccounts.randomCredential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredential;
import dev.parley.xmpp.sasl.StoredCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} must do. A provider's test extends this and implements {@link #newStorage()}.
 */
public abstract class AccountStoreContract extends StorageContract {
    private static final String DOMAIN = "example.com";

    private AccountStore accounts() {
        return provider().accounts();
    }

    @Test
    void createdAccountIsFound() {
        Account alice = account(DOMAIN, "alice");

        assertThat(await(accounts().create(alice))).isTrue();

        assertThat(await(accounts().find(alice.id()))).contains(alice);
    }

    @Test
    void findOfMissingAccountIsEmpty() {
        assertThat(await(accounts().find(new AccountId(DOMAIN, "nobody")))).isEmpty();
    }

    @Test
    void secondCreateIsRefusedAndKeepsTheFirst() {
        Account first = account(DOMAIN, "alice");
        Account second = first.withCredential(randomCredential()).withDisabled(true);
        await(accounts().create(first));

        assertThat(await(accounts().create(second))).isFalse();

        assertThat(await(accounts().find(first.id()))).contains(first);
    }

    @Test
    void updateReplacesAnExistingAccount() {
        Account alice = account(DOMAIN, "alice");
        await(accounts().create(alice));
        Account changed = alice.withCredential(randomCredential()).withDisabled(true);

        assertThat(await(accounts().update(changed))).isTrue();

        assertThat(await(accounts().find(alice.id()))).contains(changed);
    }

    @Test
    void updateOfMissingAccountCreatesNothing() {
        Account ghost = account(DOMAIN, "ghost");

        assertThat(await(accounts().update(ghost))).isFalse();

        assertThat(await(accounts().find(ghost.id()))).isEmpty();
        assertThat(await(accounts().count(DOMAIN))).isZero();
    }

    @Test
    void deleteRemovesTheAccountOnce() {
        Account alice = account(DOMAIN, "alice");
        await(accounts().create(alice));

        assertThat(await(accounts().delete(alice.id()))).isTrue();

        assertThat(await(accounts().find(alice.id()))).isEmpty();
        assertThat(await(accounts().delete(alice.id()))).isFalse();
        assertThat(await(accounts().create(alice))).as("the id is free again").isTrue();
    }

    @Test
    void deleteOfMissingAccountReportsFalse() {
        assertThat(await(accounts().delete(new AccountId(DOMAIN, "nobody")))).isFalse();
    }

    @Test
    void countIsPerDomain() {
        createAll("a.example", "u1", "u2", "u3");
        createAll("b.example", "u1", "u2");

        assertThat(await(accounts().count("a.example"))).isEqualTo(3);
        assertThat(await(accounts().count("b.example"))).isEqualTo(2);
        assertThat(await(accounts().count("c.example"))).isZero();

        await(accounts().delete(new AccountId("a.example", "u2")));
        assertThat(await(accounts().count("a.example"))).isEqualTo(2);
    }

    @Test
    void listPagesThroughADomainInUsernameOrder() {
        List<String> names = IntStream.range(0, 25).mapToObj(i -> String.format("user%02d", i)).toList();
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled);
        createAll(DOMAIN, shuffled.toArray(String[]::new));

        List<String> first = usernames(accounts().list(DOMAIN, null, 10));
        List<String> second = usernames(accounts().list(DOMAIN, first.getLast(), 10));
        List<String> third = usernames(accounts().list(DOMAIN, second.getLast(), 10));

        assertThat(first).isEqualTo(names.subList(0, 10));
        assertThat(second).isEqualTo(names.subList(10, 20));
        assertThat(third).isEqualTo(names.subList(20, 25));
        assertThat(usernames(accounts().list(DOMAIN, third.getLast(), 10))).isEmpty();
        assertThat(usernames(accounts().list(DOMAIN, "user04x", 2)))
                .as("after a username that does not exist").containsExactly("user05", "user06");
        assertThat(await(accounts().list(DOMAIN, null, 1))).containsExactly(new AccountId(DOMAIN, "user00"));
    }

    @Test
    void listOrdersUsernamesByCodePoint() {
        // U+1D518 (a surrogate pair in UTF-16) sorts after U+FB01 by code point, before it by String.compareTo.
        List<String> byCodePoint = List.of("al", "alice", "alice2", "alicf", "al\u00e9", "zo\u00eb",
                "\u00e4rger", "\ufb01sh", "\ud835\udd18ber");
        assertThat(byCodePoint.stream().sorted().toList()).as("UTF-16 order differs").isNotEqualTo(byCodePoint);
        List<String> shuffled = new ArrayList<>(byCodePoint);
        Collections.shuffle(shuffled);
        createAll(DOMAIN, shuffled.toArray(String[]::new));

        assertThat(usernames(accounts().list(DOMAIN, null, 100))).isEqualTo(byCodePoint);
    }

    @Test
    void domainsAreIsolatedEvenWhenOneNameExtendsAnother() {
        createAll("example.com", "alice", "bob");
        createAll("example.com.evil", "alice", "mallory");
        createAll("example.co", "alice");

        assertThat(await(accounts().count("example.com"))).isEqualTo(2);
        assertThat(usernames(accounts().list("example.com", null, 10))).containsExactly("alice", "bob");
        assertThat(usernames(accounts().list("example.co", null, 10))).containsExactly("alice");

        await(accounts().delete(new AccountId("example.com", "alice")));
        assertThat(await(accounts().find(new AccountId("example.com.evil", "alice")))).isPresent();
        assertThat(await(accounts().find(new AccountId("example.co", "alice")))).isPresent();
    }

    @Test
    void concurrentCreatesOfOneAccountHaveExactlyOneWinner() throws Exception {
        int contenders = 16;
        List<Account> attempts = IntStream.range(0, contenders).mapToObj(i -> account(DOMAIN, "contested")).toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CompletionStage<Boolean>>> submitted = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(contenders)) {
            for (Account attempt : attempts) {
                submitted.add(callers.submit(() -> {
                    start.await();
                    return accounts().create(attempt);
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<CompletionStage<Boolean>> stage : submitted) {
                outcomes.add(await(stage.get()));
            }

            assertThat(outcomes).containsOnlyOnce(true);
            Account winner = attempts.get(outcomes.indexOf(true));
            assertThat(await(accounts().find(winner.id()))).contains(winner);
        }
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        Account kept = account(DOMAIN, "kept");
        Account changed = account(DOMAIN, "changed");
        Account removed = account(DOMAIN, "removed");
        createAll(kept, changed, removed);
        Account afterChange = changed.withDisabled(true).withCredential(randomCredential());
        await(accounts().update(afterChange));
        await(accounts().delete(removed.id()));

        reopen();

        assertThat(await(accounts().find(kept.id()))).contains(kept);
        assertThat(await(accounts().find(changed.id()))).contains(afterChange);
        assertThat(await(accounts().find(removed.id()))).isEmpty();
        assertThat(await(accounts().count(DOMAIN))).isEqualTo(2);
    }

    @Test
    void credentialsRoundTripByteExact() {
        byte[] zeros = new byte[20];
        byte[] ones = new byte[64];
        Arrays.fill(ones, (byte) 0xFF);
        StoredCredential edgy = new StoredCredential(Map.of(
                ScramAlgorithm.SHA_1, new ScramCredential(ScramAlgorithm.SHA_1, new byte[0], 1, zeros, zeros),
                ScramAlgorithm.SHA_512, new ScramCredential(ScramAlgorithm.SHA_512, TestAccounts.randomBytes(255),
                        Integer.MAX_VALUE, ones, TestAccounts.randomBytes(64))));
        Account stored = new Account(new AccountId(DOMAIN, "edgy"), edgy, true,
                Instant.parse("1969-07-20T20:17:40.123456789Z"));
        StoredCredential none = new StoredCredential(new EnumMap<>(ScramAlgorithm.class));
        Account bare = new Account(new AccountId(DOMAIN, "bare"), none, false, Instant.now());
        createAll(stored, bare);
        reopen();

        Account found = await(accounts().find(stored.id())).orElseThrow();
        assertThat(found.created()).isEqualTo(Instant.parse("1969-07-20T20:17:40.123Z"));
        assertThat(found.disabled()).isTrue();
        assertThat(found.credential().scram()).containsOnlyKeys(ScramAlgorithm.SHA_1, ScramAlgorithm.SHA_512);
        for (ScramCredential expected : edgy.scram().values()) {
            ScramCredential actual = found.credential().forAlgorithm(expected.algorithm()).orElseThrow();
            assertThat(actual.salt()).isEqualTo(expected.salt());
            assertThat(actual.iterations()).isEqualTo(expected.iterations());
            assertThat(actual.storedKey()).isEqualTo(expected.storedKey());
            assertThat(actual.serverKey()).isEqualTo(expected.serverKey());
        }
        assertThat(await(accounts().find(bare.id()))).contains(bare);
    }

    @Test
    void malformedArgumentsThrowBeforeAnythingIsSubmitted() {
        assertThatThrownBy(() -> accounts().list(DOMAIN, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts().count("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts().find(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> accounts().create(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void callsAfterCloseFailWithStorageException() {
        AccountStore closedStore = accounts();
        provider().close();
        provider().close();

        assertThat(awaitFailure(closedStore.find(new AccountId(DOMAIN, "alice"))))
                .isInstanceOf(StorageException.class);
        assertThat(awaitFailure(closedStore.create(account(DOMAIN, "alice")))).isInstanceOf(StorageException.class);

        reopen();
        assertThat(await(accounts().count(DOMAIN))).as("nothing was written after close").isZero();
    }

    private void createAll(String domain, String... usernames) {
        for (String username : usernames) {
            assertThat(await(accounts().create(account(domain, username)))).as(username).isTrue();
        }
    }

    private void createAll(Account... all) {
        for (Account account : all) {
            assertThat(await(accounts().create(account))).as(account.id().toString()).isTrue();
        }
    }

    private static List<String> usernames(CompletionStage<List<AccountId>> page) {
        return await(page).stream().map(AccountId::username).toList();
    }
}
