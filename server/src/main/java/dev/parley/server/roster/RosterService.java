package dev.parley.server.roster;

import dev.parley.server.api.storage.AccountId;
import dev.parley.server.api.storage.Roster;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterStore;
import dev.parley.server.api.storage.RosterUpdate;
import dev.parley.server.routing.Effect;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts' rosters as the IM logic uses them (RFC 6121 §2): reads and atomic changes through the {@link RosterStore}
 * with the configured size limit, resumed on {@code continuations} (never on a storage thread), and the roster pushes
 * (§2.1.6) that announce a change to the account's interested resources.
 */
public final class RosterService {
    private final RosterStore store;
    private final SessionRegistry sessions;
    private final int maxEntries;
    private final Executor continuations;
    private final AtomicLong pushes = new AtomicLong();

    public RosterService(RosterStore store, SessionRegistry sessions, int maxEntries, Executor continuations) {
        this.store = store;
        this.sessions = sessions;
        this.maxEntries = maxEntries;
        this.continuations = continuations;
    }

    CompletionStage<Roster> load(Jid owner) {
        return store.load(account(owner)).thenApplyAsync(roster -> roster, continuations);
    }

    CompletionStage<Optional<RosterItem>> find(Jid owner, Jid contact) {
        return store.find(account(owner), contact).thenApplyAsync(item -> item, continuations);
    }

    /** Applies {@code change} to one entry atomically; adding beyond the size limit gives {@link RosterUpdate.Full}. */
    CompletionStage<RosterUpdate> update(Jid owner, Jid contact, RosterStore.RosterChange change) {
        return store.update(account(owner), contact, change, maxEntries).thenApplyAsync(update -> update, continuations);
    }

    /**
     * The roster pushes announcing {@code update} to the owner's interested resources, in a roster set each (§2.1.6):
     * the entry as it is now, or {@code subscription='remove'} when it left the roster the user sees. None when the
     * update changed nothing the roster shows (an unlisted pending request, say).
     */
    List<Effect> pushes(Jid owner, RosterUpdate.Applied update) {
        Optional<XmlElement> before = update.before().filter(RosterItem::listed).map(RosterXml::item);
        Optional<XmlElement> after = update.after().filter(RosterItem::listed).map(RosterXml::item);
        if (before.equals(after)) {
            return List.of();
        }
        XmlElement payload = update.after().filter(RosterItem::listed)
                .map(item -> RosterXml.push(update.version(), item))
                .orElseGet(() -> RosterXml.pushRemoved(update.version(), update.before().orElseThrow().contact()));
        List<Effect> effects = new ArrayList<>();
        for (ClientSession session : sessions.sessions(owner)) {
            if (session.presence().rosterRequested()) {
                effects.add(Effect.deliver(session, XmlElement.builder("iq", Namespaces.CLIENT)
                        .attribute("type", Iq.Type.SET.value())
                        .attribute("id", "push-" + pushes.incrementAndGet())
                        .attribute("from", owner.toString())
                        .attribute("to", session.jid().toString())
                        .child(payload)
                        .build()));
            }
        }
        return effects;
    }

    static AccountId account(Jid owner) {
        return new AccountId(owner.domain(), owner.local());
    }
}
