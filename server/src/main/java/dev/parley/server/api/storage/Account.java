package dev.parley.server.api.storage;

import dev.parley.xmpp.sasl.ScramAlgorithm;
import dev.parley.xmpp.sasl.ScramCredential;
import dev.parley.xmpp.sasl.StoredCredential;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A stored account: its id, its SCRAM credentials, whether it may log in, and when it was created.
 *
 * <p>{@code created} is kept to the millisecond (the precision every backend stores, Cassandra's {@code timestamp}
 * included), so an account reads back equal to what was written. Equality compares credentials by their bytes, not
 * by array identity as {@link ScramCredential}'s record equality would.
 */
public record Account(AccountId id, StoredCredential credential, boolean disabled, Instant created) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(created, "created");
        for (Map.Entry<ScramAlgorithm, ScramCredential> entry : credential.scram().entrySet()) {
            if (entry.getKey() != entry.getValue().algorithm()) {
                throw new IllegalArgumentException("credential for " + entry.getKey()
                        + " holds a " + entry.getValue().algorithm() + " key");
            }
        }
        created = created.truncatedTo(ChronoUnit.MILLIS);
        try {
            created.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new DateTimeException("created is out of the storable range: " + created, e);
        }
    }

    /** The same account with another credential, for a password change. */
    public Account withCredential(StoredCredential newCredential) {
        return new Account(id, newCredential, disabled, created);
    }

    /** The same account, enabled or disabled. */
    public Account withDisabled(boolean newDisabled) {
        return new Account(id, credential, newDisabled, created);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Account that
                && id.equals(that.id)
                && disabled == that.disabled
                && created.equals(that.created)
                && sameCredential(credential, that.credential);
    }

    @Override
    public int hashCode() {
        // Credentials are left out: equal accounts still hash equally, and key bytes never leak through hashes.
        return Objects.hash(id, disabled, created);
    }

    /** Names the credential's algorithms only: salts and keys stay out of logs. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", algorithms=" + credential.scram().keySet()
                + ", disabled=" + disabled + ", created=" + created + "]";
    }

    private static boolean sameCredential(StoredCredential a, StoredCredential b) {
        if (!a.scram().keySet().equals(b.scram().keySet())) {
            return false;
        }
        for (Map.Entry<ScramAlgorithm, ScramCredential> entry : a.scram().entrySet()) {
            ScramCredential x = entry.getValue();
            ScramCredential y = b.scram().get(entry.getKey());
            if (x.iterations() != y.iterations()
                    || !Arrays.equals(x.salt(), y.salt())
                    || !Arrays.equals(x.storedKey(), y.storedKey())
                    || !Arrays.equals(x.serverKey(), y.serverKey())) {
                return false;
            }
        }
        return true;
    }
}
