package dev.parley.server.api.storage;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredential;
import dev.parley.xmpp.sasl.StoredCredential;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Accounts with random, realistic-looking SCRAM credentials for the storage tests. */
public final class TestAccounts {
    private TestAccounts() {
    }

    public static Account account(String domain, String username) {
        return new Account(new AccountId(domain, username), randomCredential(), false, Instant.now());
    }

    /** One credential per algorithm, with random salts and keys of the algorithm's hash length. */
    public static StoredCredential randomCredential() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<ScramAlgorithm, ScramCredential> scram = new EnumMap<>(ScramAlgorithm.class);
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            scram.put(algorithm, new ScramCredential(algorithm, randomBytes(random.nextInt(16, 33)),
                    random.nextInt(4096, 100_000), randomBytes(algorithm.hashLength()),
                    randomBytes(algorithm.hashLength())));
        }
        return new StoredCredential(scram);
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
