package dev.parley.server.blocking;

import dev.parley.server.routing.StanzaFilter;
import dev.parley.xmpp.error.StanzaError;
import dev.parley.xmpp.error.StanzaErrorCondition;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.Iq;
import dev.parley.xmpp.stanza.Message;
import dev.parley.xmpp.stanza.Presence;
import dev.parley.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Enforces block lists (XEP-0191 §3.3) on every routed stanza, the server's own presence broadcasts and replies
 * included. Nothing is blocked between resources of one account (§5).
 *
 * <p>From the user to a JID it blocks: messages and IQ requests are refused with {@code not-acceptable} and
 * {@code <blocked xmlns='urn:xmpp:blocking:errors'/>} (the MUST of §3.3); presence (the user's broadcasts, directed
 * presence, subscription stanzas) is not sent and not answered, so broadcasts never produce errors; errors and IQ
 * results are dropped, as they must not be answered.
 *
 * <p>From a blocked JID to the user (§3.3's list): presence of every type is dropped without an answer (MUST); IQ get
 * and set get {@code service-unavailable} (MUST, the SHOULD condition), other IQs are dropped (MUST); normal and chat
 * messages get {@code service-unavailable} (the SHOULD, and what a server without offline storage answers, so the
 * user "appears offline"), other messages (groupchat, headline, error) are dropped, as a server would for an offline
 * user. None of it is delivered or stored offline.
 *
 * <p>Only the lists of accounts with bound sessions are in memory. A sender without a session has no stanza of its
 * own to filter: what the server sends on its behalf answers a stanza that was checked on its way in. A recipient
 * without a session has its list read from the store, except for stanzas the delivery rules drop for such an account
 * anyway (availability presence, errors, IQ results; RFC 6121 §8.5.2.2), which thus cost no read.
 */
final class BlockingFilter implements StanzaFilter {
    private static final Logger log = LoggerFactory.getLogger(BlockingFilter.class);

    private final BlockLists lists;
    private final Predicate<Jid> hosted;

    /**
     * @param hosted whether a JID is at a domain of this server
     */
    BlockingFilter(BlockLists lists, Predicate<Jid> hosted) {
        this.lists = lists;
        this.hosted = hosted;
    }

    @Override
    public CompletionStage<Verdict> check(Stanza stanza) {
        Jid from = stanza.from();
        Jid to = stanza.to();
        if (from == null || to == null || from.bare().equals(to.bare())) {
            return Verdict.PASSED;
        }
        CompletionStage<BlockList> senders = relevant(from.isDomain() ? null : lists.cached(from.bare()));
        CompletionStage<BlockList> recipients = relevant(recipientList(stanza, to));
        if (senders == null && recipients == null) {
            return Verdict.PASSED;
        }
        CompletionStage<Verdict> outbound = senders == null ? Verdict.PASSED
                : senders.thenApply(list -> list.blocks(to) ? outbound(stanza) : new Verdict.Pass());
        return outbound.thenCompose(verdict -> !(verdict instanceof Verdict.Pass) || recipients == null
                        ? CompletableFuture.completedFuture(verdict)
                        : recipients.thenApply(list -> list.blocks(from) ? inbound(stanza) : verdict))
                .exceptionally(failure -> unchecked(stanza, failure));
    }

    private CompletionStage<BlockList> recipientList(Stanza stanza, Jid to) {
        if (to.isDomain() || !hosted.test(to)) {
            return null;
        }
        CompletableFuture<BlockList> cached = lists.cached(to.bare());
        if (cached != null) {
            return cached;
        }
        boolean droppedWhenOffline = stanza.isError()
                || stanza instanceof Iq iq && !iq.isRequest()
                || stanza instanceof Presence presence && (presence.type() == Presence.Type.AVAILABLE
                        || presence.type() == Presence.Type.UNAVAILABLE);
        return droppedWhenOffline ? null : lists.of(to.bare());
    }

    /** Null for a list known to be empty, so that most stanzas take no stage at all. */
    private static CompletionStage<BlockList> relevant(CompletionStage<BlockList> list) {
        if (list == null) {
            return null;
        }
        CompletableFuture<BlockList> future = list.toCompletableFuture();
        return future.isDone() && !future.isCompletedExceptionally() && future.join().isEmpty() ? null : list;
    }

    /** The user sent {@code stanza} to a JID it blocks. */
    private static Verdict outbound(Stanza stanza) {
        boolean answerable = !stanza.isError() && switch (stanza) {
            case Message message -> true;
            case Iq iq -> iq.isRequest();
            case Presence presence -> false;
        };
        return answerable ? new Verdict.Refuse(BlockingXml.blockedError()) : new Verdict.Drop();
    }

    /** A JID the user blocks sent {@code stanza} to the user. */
    private static Verdict inbound(Stanza stanza) {
        boolean answered = switch (stanza) {
            case Message message -> message.type() == Message.Type.NORMAL || message.type() == Message.Type.CHAT;
            case Iq iq -> iq.isRequest();
            case Presence presence -> false;
        };
        return answered ? new Verdict.Refuse(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE))
                : new Verdict.Drop();
    }

    /** A list could not be read: the stanza is not routed unchecked; a request learns that it failed. */
    private static Verdict unchecked(Stanza stanza, Throwable failure) {
        log.warn("could not read a block list to check a stanza to {}: {}", stanza.to(), failure.getMessage());
        boolean request = stanza instanceof Message message && !message.isError()
                || stanza instanceof Iq iq && iq.isRequest();
        return request ? new Verdict.Refuse(StanzaError.of(StanzaErrorCondition.INTERNAL_SERVER_ERROR))
                : new Verdict.Drop();
    }
}
