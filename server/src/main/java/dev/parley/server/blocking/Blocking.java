package dev.parley.server.blocking;

import dev.parley.server.api.IqScope;
import dev.parley.server.api.storage.StorageProvider;
import dev.parley.server.routing.IqHandlers;
import dev.parley.server.routing.StanzaFilter;
import dev.parley.server.routing.StanzaRouter;
import dev.parley.server.session.SessionRegistry;
import dev.parley.xmpp.jid.Jid;

import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The blocking command (XEP-0191) of one node, wired together: the {@link #filter()} the router asks before routing
 * anything, made before the router exists, and the command's IQ handler, registered once it does. The server
 * advertises {@code urn:xmpp:blocking} (§2).
 */
public final class Blocking {
    private final BlockLists lists;
    private final BlockingFilter filter;
    private final BlockPresence presence;
    private final SessionRegistry sessions;

    private Blocking(BlockLists lists, BlockingFilter filter, BlockPresence presence, SessionRegistry sessions) {
        this.lists = lists;
        this.filter = filter;
        this.presence = presence;
        this.sessions = sessions;
    }

    /**
     * @param hosted        whether a JID is at a domain of this server
     * @param maxItems      the most JIDs one block list may hold ({@code limits.block-list-items})
     * @param continuations where work resumes after storage calls (the event loops); never a storage thread
     */
    public static Blocking create(StorageProvider storage, SessionRegistry sessions, Predicate<Jid> hosted,
                                  int maxItems, Executor continuations) {
        BlockLists lists = new BlockLists(storage.keyValues(), sessions, maxItems, continuations);
        sessions.addListener(lists);
        return new Blocking(lists, new BlockingFilter(lists, hosted),
                new BlockPresence(storage.roster(), sessions, continuations), sessions);
    }

    /** What the router asks before routing a stanza. */
    public StanzaFilter filter() {
        return filter;
    }

    /** Answers the blocking command for accounts; presence and pushes go through {@code router}. */
    public void registerHandler(IqHandlers iqHandlers, StanzaRouter router) {
        BlockingIqHandler handler = new BlockingIqHandler(lists, presence, sessions, router);
        for (String element : new String[] {"blocklist", "block", "unblock"}) {
            iqHandlers.register(IqScope.ACCOUNT, element, BlockingXml.NAMESPACE, handler);
        }
        iqHandlers.addFeatures(IqScope.SERVER, BlockingXml.NAMESPACE);
    }
}
