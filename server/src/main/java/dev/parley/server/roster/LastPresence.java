package dev.parley.server.roster;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.AccountStore;
import dev.parley.server.api.storage.KeyValueStore;
import dev.parley.server.api.storage.XmlCodec;
import dev.parley.server.routing.Effect;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The last unavailable presence of each account (RFC 6121 §4.3.2: a probe for an account with no available resource
 * is answered with "the full XML of the last presence stanza of type unavailable received by the server from the
 * contact"), kept in the {@link KeyValueStore} when the account's last available resource goes: by the client's
 * unavailable presence or by its session ending. It is stored as sent, without 'to', with an XEP-0203
 * {@code <delay/>} stamping when the server received it (a client's own delay element is replaced), so that a prober
 * learns how old it is.
 */
final class LastPresence {
    static final String KEY = "last-unavailable-presence";
    private static final Logger log = LoggerFactory.getLogger(LastPresence.class);

    private final KeyValueStore store;
    private final AccountStore accounts;
    private final Clock clock;
    private final Executor continuations;

    LastPresence(KeyValueStore store, AccountStore accounts, Clock clock, Executor continuations) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.continuations = continuations;
    }

    /**
     * Keeps {@code unavailable} (from a full JID) as its account's last; completes, never exceptionally, once stored.
     * The sessions of a deleted account end after the account is gone: nothing is kept for an account that is not.
     */
    CompletionStage<Void> remember(Presence unavailable) {
        AccountId account = AccountId.of(unavailable.from().bare());
        String stamp = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        XmlElement delay = XmlElement.builder("delay", Namespaces.DELAY)
                .attribute("from", unavailable.from().domain()).attribute("stamp", stamp).build();
        XmlElement kept = unavailable.withTo(null).element()
                .withoutChildren(LastPresence::isDelay)
                .withChild(delay);
        return accounts.find(account)
                .thenCompose(found -> found.isPresent() ? store.put(account, KEY, XmlCodec.encode(kept))
                        : CompletableFuture.<Void>completedFuture(null))
                .handleAsync((stored, failure) -> {
                    if (failure != null) {
                        log.warn("could not keep the last presence of {}: {}", account, failure.getMessage());
                    }
                    return null;
                }, continuations);
    }

    /** The account's last unavailable presence, addressed to {@code to}, if one is kept. */
    CompletionStage<Optional<Presence>> of(Jid user, Jid to) {
        return store.get(AccountId.of(user), KEY).thenApplyAsync(stored -> stored
                .map(bytes -> ((Presence) Effect.generated(XmlCodec.decode(bytes))).withTo(to)), continuations);
    }

    private static boolean isDelay(XmlNode node) {
        return node instanceof XmlElement element && element.is("delay", Namespaces.DELAY);
    }
}
