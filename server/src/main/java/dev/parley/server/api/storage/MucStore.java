package dev.parley.server.api.storage;

import dev.parley.xmpp.jid.Jid;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Persistent XEP-0045 rooms (§10.1.3 {@code muc#roomconfig_persistentroom}). The service domain is the partition, the
 * room's local part the clustering key, so a service's rooms are one ordered range. A put replaces the whole room;
 * writes complete once durable. The size of what a room holds is bounded by the service (its affiliation and
 * configuration limits), not here.
 */
public interface MucStore {
    /** Stores the room, replacing what was stored under its JID. */
    CompletionStage<Void> put(MucRoom room);

    CompletionStage<Optional<MucRoom>> get(Jid room);

    /** Every room of the service at {@code serviceDomain}, ordered by local part. */
    CompletionStage<List<MucRoom>> rooms(Jid serviceDomain);

    /** Removes the room (§10.9 destruction); {@code false} when none was stored. */
    CompletionStage<Boolean> delete(Jid room);
}
