package dev.parley.server.blocking;

import dev.parley.server.api.IqHandler;
import dev.parley.server.api.IqReply;
import dev.parley.server.api.IqRequest;
import dev.parley.server.routing.Effect;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.ClientSession;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.Namespaces;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.xml.XmlElement;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The blocking command (XEP-0191 §3): get the block list (§3.2; the resource becomes interested in pushes), block
 * (§3.3) and unblock some or all JIDs (§3.4). Only the account's own resources may use it ({@code forbidden}). A change
 * is stored before it is answered; the result goes out first, then a push with the items to each interested resource.
 * Growing the list beyond {@code limits.block-list-items} is refused with {@code policy-violation} (RFC 6120
 * §8.3.3.12, as for the roster's size limit) and changes nothing.
 */
final class BlockingIqHandler implements IqHandler {
    private final BlockLists lists;
    private final BlockPresence presence;
    private final SessionRegistry sessions;
    private final StanzaRouter router;
    private final AtomicLong pushes = new AtomicLong();

    BlockingIqHandler(BlockLists lists, BlockPresence presence, SessionRegistry sessions, StanzaRouter router) {
        this.lists = lists;
        this.presence = presence;
        this.sessions = sessions;
        this.router = router;
    }

    @Override
    public CompletionStage<IqReply> handle(IqRequest request) {
        if (!request.authenticated() || !request.requester().bare().equals(request.target())) {
            return IqReply.now(IqReply.error(StanzaErrorCondition.FORBIDDEN, "A block list belongs to its account"));
        }
        BlockingXml.Parsed parsed = BlockingXml.parse(request.iq());
        if (parsed.error() != null) {
            return IqReply.now(new IqReply.Error(parsed.error()));
        }
        Jid user = request.target();
        return switch (parsed.request()) {
            case BlockingXml.Request.Get get -> {
                sessions.session(request.requester()).ifPresent(lists::interested);
                yield lists.of(user).thenApply(list -> IqReply.result(list.toElement()));
            }
            case BlockingXml.Request.Block block -> lists.update(user, list -> list.with(block.items()),
                            (before, after) -> presence.effects(user, before, after).thenCompose(router::execute))
                    .thenApply(update -> answer(user, update, BlockingXml.withItems("block", block.items())));
            case BlockingXml.Request.Unblock unblock -> lists.update(user,
                            list -> unblock.items().isEmpty() ? BlockList.EMPTY : list.without(unblock.items()),
                            (before, after) -> CompletableFuture.completedFuture(null))
                    .thenCompose(update -> announceUnblocked(user, update))
                    .thenApply(update -> answer(user, update, BlockingXml.withItems("unblock", unblock.items())));
        };
    }

    /** Unblocked contacts hear from the user once the unblock is in force (§3.4). */
    private CompletionStage<BlockLists.Update> announceUnblocked(Jid user, BlockLists.Update update) {
        if (!(update instanceof BlockLists.Update.Applied applied)) {
            return CompletableFuture.completedFuture(update);
        }
        return presence.effects(user, applied.before(), applied.after()).thenCompose(router::execute)
                .thenApply(done -> update);
    }

    private IqReply answer(Jid user, BlockLists.Update update, XmlElement pushed) {
        return switch (update) {
            case BlockLists.Update.TooMany tooMany -> IqReply.error(StanzaErrorCondition.POLICY_VIOLATION,
                    "A block list holds at most " + tooMany.limit() + " items");
            case BlockLists.Update.Applied applied -> IqReply.emptyThen(() -> router.execute(pushes(user, pushed)));
        };
    }

    /** An IQ set with {@code payload} to each interested resource (§3.3, §3.4). */
    private List<Effect> pushes(Jid user, XmlElement payload) {
        return lists.interested(user).stream().map(session -> push(session, user, payload)).toList();
    }

    private Effect push(ClientSession session, Jid user, XmlElement payload) {
        return Effect.deliver(session, XmlElement.builder("iq", Namespaces.CLIENT)
                .attribute("type", Iq.Type.SET.value())
                .attribute("id", "block-push-" + pushes.incrementAndGet())
                .attribute("from", user.toString())
                .attribute("to", session.jid().toString())
                .child(payload)
                .build());
    }
}
