package dev.parley.server.api.storage;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.CompletionStage;

/**
 * Small values per account under string keys: the vCard (XEP-0054), private XML (XEP-0049), the last logout
 * (XEP-0012) and the like. The account is the partition, the key the clustering key; keys are ordered by Unicode code
 * point. Values are opaque bytes ({@link XmlCodec} for XML); their size is capped by the callers, which know
 * what a sensible size is for their kind of data.
 *
 * <p>Null or malformed arguments (an empty key, a key longer than {@link #MAX_KEY_OCTETS}, a key that is not
 * well-formed Unicode) throw at once; storage failures complete the stage exceptionally with {@link StorageException}.
 * Writes complete once durable. Stores copy the arrays they are given and hand out arrays of their own.
 */
public interface KeyValueStore extends AccountDataStore {
    /** The longest key, in UTF-8 octets. */
    int MAX_KEY_OCTETS = 1024;

    CompletionStage<Optional<byte[]>> get(AccountId account, String key);

    /**
     * The account's entries whose key starts with {@code keyPrefix} (every entry for {@code ""}), in key order. The
     * values are loaded too, so use it for data whose total size the caller bounds.
     */
    CompletionStage<SequencedMap<String, byte[]>> list(AccountId account, String keyPrefix);

    /** Stores the value, replacing any under the same key. */
    default CompletionStage<Void> put(AccountId account, String key, byte[] value) {
        return put(account, Map.of(key, value));
    }

    /** Stores every entry (replacing existing ones) atomically: afterwards all of them are stored, or none. */
    CompletionStage<Void> put(AccountId account, Map<String, byte[]> entries);

    /** Completes with {@code false} if there was no such entry. */
    CompletionStage<Boolean> delete(AccountId account, String key);

    /** Removes every entry of the account, atomically. */
    @Override
    CompletionStage<Void> deleteAll(AccountId account);

    /**
     * Checks a key as every store must before submitting anything.
     *
     * @return {@code key}
     * @throws IllegalArgumentException if it is empty, longer than {@link #MAX_KEY_OCTETS} or not well-formed Unicode
     */
    static String requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        int octets = AccountId.utf8Length(key);
        if (octets < 0) {
            throw new IllegalArgumentException("key is not well-formed Unicode (unpaired surrogate)");
        }
        if (octets > MAX_KEY_OCTETS) {
            throw new IllegalArgumentException("key is longer than " + MAX_KEY_OCTETS + " octets: " + octets);
        }
        return key;
    }
}
