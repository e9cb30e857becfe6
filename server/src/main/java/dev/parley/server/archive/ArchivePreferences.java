package dev.parley.server.archive;

import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Archiving preferences (XEP-0441), kept per account in the key-value store, and the decision they make for one
 * message. Accounts that never set any archive everything ({@code default='always'}).
 */
final class ArchivePreferences {
    static final String KEY = "mam-prefs";

    private final KeyValueStore store;
    private final RosterStore roster;

    ArchivePreferences(KeyValueStore store, RosterStore roster) {
        this.store = store;
        this.roster = roster;
    }

    CompletionStage<ArchivePrefs> load(AccountId account) {
        return store.get(account, KEY).thenApply(stored -> stored
                .flatMap(bytes -> ArchivePrefs.parse(XmlCodec.decode(bytes)))
                .orElse(ArchivePrefs.ALWAYS));
    }

    /** Whether {@code account} archives messages with {@code other} (the 'to' of outgoing, 'from' of incoming). */
    CompletionStage<Boolean> archives(AccountId account, Jid other) {
        return load(account).thenCompose(prefs -> switch (prefs.verdict(other)) {
            case ARCHIVE -> CompletableFuture.completedFuture(true);
            case SKIP -> CompletableFuture.completedFuture(false);
            case IF_IN_ROSTER -> roster.find(account, other.bare()).thenApply(Optional::isPresent);
        });
    }

    /** XEP-0441 §3: get returns the preferences, set replaces them and returns what was applied. */
    CompletionStage<IqReply> handle(IqRequest request) {
        if (!request.target().equals(request.requester().bare())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN, "Archive preferences are the account's"));
        }
        AccountId account = AccountId.of(request.target());
        if (request.iq().type() == Iq.Type.GET) {
            return load(account).thenApply(prefs -> IqReply.result(prefs.toElement()));
        }
        Optional<ArchivePrefs> prefs = ArchivePrefs.parse(request.iq().payload());
        if (prefs.isEmpty()) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.BAD_REQUEST, "Give default='always', 'never' or "
                    + "'roster' and at most " + ArchivePrefs.MAX_JIDS + " valid JIDs"));
        }
        return store.put(account, KEY, XmlCodec.encode(prefs.get().toElement()))
                .thenApply(stored -> IqReply.result(prefs.get().toElement()));
    }
}
