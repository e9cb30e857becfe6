package dev.parley.server.roster;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.api.storage.RosterItem;
import dev.parley.server.api.storage.RosterUpdate;
import dev.parley.server.routing.Effect;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code jabber:iq:roster} (RFC 6121 §2): roster get with versioning (§2.6), and roster set to add, update (§2.3,
 * §2.4) or remove (§2.5) an entry. Only the account's own resources may touch its roster ({@code forbidden}, §2.1.5);
 * a get makes the resource interested in roster pushes. The pushes go out before the result.
 */
final class RosterIqHandler implements IqHandler {
    private final RosterService roster;
    private final Subscriptions subscriptions;
    private final SessionRegistry sessions;
    private final StanzaRouter router;

    RosterIqHandler(RosterService roster, Subscriptions subscriptions, SessionRegistry sessions, StanzaRouter router) {
        this.roster = roster;
        this.subscriptions = subscriptions;
        this.sessions = sessions;
        this.router = router;
    }

    @Override
    public CompletionStage<IqReply> handle(IqRequest request) {
        if (!request.authenticated() || !request.requester().bare().equals(request.target())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN, "A roster belongs to its account alone"));
        }
        return request.iq().type() == Iq.Type.GET ? get(request) : set(request);
    }

    /** §2.1.3, §2.6.3: the whole roster, or an empty result when the client's version is current. */
    private CompletionStage<IqReply> get(IqRequest request) {
        sessions.session(request.requester()).ifPresent(session -> session.presence().requestedRoster());
        String known = request.iq().payload().attribute("ver");
        return roster.load(request.target()).thenApply(loaded -> RosterXml.ver(loaded.version()).equals(known)
                ? IqReply.empty()
                : IqReply.result(RosterXml.query(loaded.version(), loaded.items())));
    }

    private CompletionStage<IqReply> set(IqRequest request) {
        RosterXml.Parsed parsed = RosterXml.parseSet(request.iq().payload());
        if (parsed.error() != null) {
            return IqReply.now(new IqReply.Error(parsed.error()));
        }
        Jid owner = request.target();
        return switch (parsed.request()) {
            case RosterXml.SetRequest.Remove remove -> remove(owner, remove.contact());
            case RosterXml.SetRequest.AddOrUpdate add -> addOrUpdate(owner, add);
        };
    }

    private CompletionStage<IqReply> addOrUpdate(Jid owner, RosterXml.SetRequest.AddOrUpdate add) {
        if (add.contact().equals(owner)) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.NOT_ALLOWED, "You cannot be your own contact"));
        }
        return roster.update(owner, add.contact(), current -> Optional.of(current
                .map(item -> item.withNameAndGroups(add.name(), add.groups()))
                .orElseGet(() -> RosterItem.listed(add.contact(), add.name(), add.groups()))))
                .thenCompose(update -> switch (update) {
                    case RosterUpdate.Full full -> IqReply.now(IqReply.error(StanzaErrorCondition.POLICY_VIOLATION,
                            "Your roster is full (" + full.limit() + " entries)"));
                    case RosterUpdate.Applied applied -> router.execute(roster.pushes(owner, applied))
                            .thenApply(done -> IqReply.empty());
                });
    }

    /** §2.5.2: the entry goes, and the contact is told that every subscription between them ended. */
    private CompletionStage<IqReply> remove(Jid owner, Jid contact) {
        return roster.update(owner, contact, current -> current.filter(item -> !item.listed()))
                .thenCompose(update -> {
                    RosterUpdate.Applied applied = (RosterUpdate.Applied) update; // removing never adds
                    Optional<RosterItem> removed = applied.before().filter(RosterItem::listed);
                    if (removed.isEmpty()) {
                        return IqReply.now(IqReply.error(StanzaErrorCondition.ITEM_NOT_FOUND,
                                "No such contact in the roster"));
                    }
                    List<Effect> effects = new ArrayList<>(roster.pushes(owner, applied));
                    effects.addAll(subscriptions.cancelAll(owner, removed.get()));
                    return router.execute(effects).thenApply(done -> IqReply.empty());
                });
    }
}
